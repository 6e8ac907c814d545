package zkstore.snapshot;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import zkstore.record.Acl;

/** Serializes a {@link SnapshotSource} as one logical snapshot stream in a given layout (FORMATS.md §4.2). */
final class SnapshotEncoder implements NodeOutput {
  /** What was written, before the file is named. */
  record Encoded(int sessions, int aclEntries, long nodes, SnapshotDigest digest, long lastProcessedZxid,
      long logicalBytes) {}

  private final SnapshotOutput out;
  private long nodes;

  private SnapshotEncoder(SnapshotOutput out) {
    this.out = out;
  }

  /** Writes everything after the name zxid was taken, flushing the output at the end. */
  static Encoded encode(SnapshotSource source, SnapshotLayout layout, SnapshotOutput out) throws IOException {
    return new SnapshotEncoder(out).encode(source, layout);
  }

  private Encoded encode(SnapshotSource source, SnapshotLayout layout) throws IOException {
    out.writeInt(SnapshotFormat.MAGIC);
    out.writeInt(SnapshotFormat.VERSION);
    out.writeLong(SnapshotFormat.DBID);
    int sessions = writeSessions(source.sessions());
    int aclEntries = writeAclMap(source.aclMap());
    source.walk(this);
    out.writeString(SnapshotFormat.SLASH);
    out.writeSeal();
    SnapshotDigest digest = source.digest();
    long lastZxid = source.lastProcessedZxid();
    if (layout.hasDigest()) {
      out.writeLong(digest.zxid());
      out.writeInt(digest.version());
      if (digest.version() < 2) {
        out.writeString(Long.toHexString(digest.digest()));
      } else {
        out.writeLong(digest.digest());
      }
      out.writeSeal();
    }
    if (layout.hasLastProcessedZxid()) {
      out.writeLong(lastZxid);
      out.writeSeal();
    }
    long logical = out.position();
    out.flush();
    return new Encoded(sessions, aclEntries, nodes, digest, lastZxid, logical);
  }

  @Override
  public void node(String path, byte[] data, long aclKey, long czxid, long mzxid, long ctime, long mtime,
      int version, int cversion, int aversion, long ephemeralOwner, long pzxid) throws IOException {
    out.writeNode(path, data, aclKey, czxid, mzxid, ctime, mtime, version, cversion, aversion, ephemeralOwner, pzxid);
    nodes++;
  }

  private int writeSessions(Map<Long, Integer> sessions) throws IOException {
    long[] ids = new long[sessions.size()];
    int[] timeouts = new int[ids.length];
    int n = 0;
    for (Map.Entry<Long, Integer> e : sessions.entrySet()) {
      if (n == ids.length) {
        throw new IllegalStateException("session map grew while being written; pass a stable copy");
      }
      ids[n] = e.getKey();
      timeouts[n] = e.getValue();
      n++;
    }
    out.writeInt(n);
    for (int i = 0; i < n; i++) {
      out.writeLong(ids[i]);
      out.writeInt(timeouts[i]);
    }
    return n;
  }

  private int writeAclMap(Map<Long, List<Acl>> acls) throws IOException {
    List<Map.Entry<Long, List<Acl>>> entries = List.copyOf(acls.entrySet());
    out.writeInt(entries.size());
    for (Map.Entry<Long, List<Acl>> e : entries) {
      out.writeLong(e.getKey());
      List<Acl> list = e.getValue();
      out.writeInt(list.size());
      for (Acl acl : list) {
        out.writeInt(acl.perms());
        out.writeString(acl.id().scheme());
        out.writeString(acl.id().id());
      }
    }
    return entries.size();
  }
}
