package zkstore.snapshot;

import zkstore.record.StatPersisted;

/**
 * One node record as the reader decodes it: a reused view, valid only during {@link SnapshotSink#node};
 * copy what you keep (the path string and data array are fresh and may be kept as they are).
 */
public final class SnapshotNode {
  String path;
  byte[] data;
  long aclKey;
  long czxid;
  long mzxid;
  long ctime;
  long mtime;
  int version;
  int cversion;
  int aversion;
  long ephemeralOwner;
  long pzxid;
  long offset;

  SnapshotNode() {}

  /** The path as stored: {@code ""} for the root, else absolute. */
  public String path() {
    return path;
  }

  /** The node's data, null if stored as length -1. */
  public byte[] data() {
    return data;
  }

  /** Key into the ACL map; -1 means OPEN_ACL_UNSAFE without a map entry. */
  public long aclKey() {
    return aclKey;
  }

  public long czxid() {
    return czxid;
  }

  public long mzxid() {
    return mzxid;
  }

  /** Creation time, ms since the epoch. */
  public long ctime() {
    return ctime;
  }

  /** Last modification time, ms since the epoch. */
  public long mtime() {
    return mtime;
  }

  public int version() {
    return version;
  }

  public int cversion() {
    return cversion;
  }

  public int aversion() {
    return aversion;
  }

  /** Session id owning an ephemeral, or the container/TTL marker, or 0. */
  public long ephemeralOwner() {
    return ephemeralOwner;
  }

  public long pzxid() {
    return pzxid;
  }

  /** Absolute offset of this record's path field in the logical stream. */
  public long offset() {
    return offset;
  }

  /** The stat as a record (allocates). */
  public StatPersisted stat() {
    return new StatPersisted(czxid, mzxid, ctime, mtime, version, cversion, aversion, ephemeralOwner, pzxid);
  }
}
