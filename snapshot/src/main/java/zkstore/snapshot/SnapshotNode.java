package zkstore.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import zkstore.record.StatPersisted;
import zkstore.tree.StoredNode;

/**
 * One node record as the reader decodes it: a reused view over the read buffer, valid only during
 * {@link SnapshotSink#node}; copy what you keep (the path string and data array are fresh and may be kept).
 */
public final class SnapshotNode implements StoredNode {
  /** The path's raw bytes are pathSrc[pathOff, pathOff+pathLen); the data's dataSrc[dataOff, dataOff+dataLen), -1 = null. */
  byte[] pathSrc;
  int pathOff;
  int pathLen;
  byte[] dataSrc;
  int dataOff;
  int dataLen;
  private String path;
  private byte[] data;
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

  /** Points this view at the next record's path and data bytes. */
  void set(byte[] pathSrc, int pathOff, int pathLen, byte[] dataSrc, int dataOff, int dataLen) {
    this.pathSrc = pathSrc;
    this.pathOff = pathOff;
    this.pathLen = pathLen;
    this.dataSrc = dataSrc;
    this.dataOff = dataOff;
    this.dataLen = dataLen;
    this.path = null;
    this.data = null;
  }

  /** The path as stored, decoded as ZooKeeper decodes it: {@code ""} for the root, else absolute. */
  public String path() {
    if (path == null) {
      path = new String(pathSrc, pathOff, pathLen, StandardCharsets.UTF_8);
    }
    return path;
  }

  /** The node's data, null if stored as length -1. */
  public byte[] data() {
    if (data == null && dataLen >= 0) {
      data = Arrays.copyOfRange(dataSrc, dataOff, dataOff + dataLen);
    }
    return data;
  }

  @Override
  public byte[] pathBytes() {
    return pathSrc;
  }

  @Override
  public int pathOffset() {
    return pathOff;
  }

  @Override
  public int pathLength() {
    return pathLen;
  }

  @Override
  public byte[] dataBytes() {
    return dataSrc;
  }

  @Override
  public int dataOffset() {
    return dataOff;
  }

  @Override
  public int dataLength() {
    return dataLen;
  }

  /** Key into the ACL map; -1 means OPEN_ACL_UNSAFE without a map entry. */
  @Override
  public long aclKey() {
    return aclKey;
  }

  @Override
  public long czxid() {
    return czxid;
  }

  @Override
  public long mzxid() {
    return mzxid;
  }

  /** Creation time, ms since the epoch. */
  @Override
  public long ctime() {
    return ctime;
  }

  /** Last modification time, ms since the epoch. */
  @Override
  public long mtime() {
    return mtime;
  }

  @Override
  public int version() {
    return version;
  }

  @Override
  public int cversion() {
    return cversion;
  }

  @Override
  public int aversion() {
    return aversion;
  }

  /** Session id owning an ephemeral, or the container/TTL marker, or 0. */
  @Override
  public long ephemeralOwner() {
    return ephemeralOwner;
  }

  @Override
  public long pzxid() {
    return pzxid;
  }

  /** Absolute offset of this record (its path field) in the logical, uncompressed stream. */
  @Override
  public long offset() {
    return offset;
  }

  /** The stat as a record (allocates). */
  public StatPersisted stat() {
    return new StatPersisted(czxid, mzxid, ctime, mtime, version, cversion, aversion, ephemeralOwner, pzxid);
  }
}
