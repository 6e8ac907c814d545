package zkstore.snapshot;

import java.io.IOException;
import zkstore.record.StatPersisted;

/** Where a {@link SnapshotSource} writes its nodes, root first (path {@code ""}), in depth-first pre-order. */
public interface NodeOutput {
  /** Writes one node record; the stat fields are in StatPersisted order. */
  void node(String path, byte[] data, long aclKey, long czxid, long mzxid, long ctime, long mtime, int version,
      int cversion, int aversion, long ephemeralOwner, long pzxid) throws IOException;

  /** Writes one node record from a stat record. */
  default void node(String path, byte[] data, long aclKey, StatPersisted s) throws IOException {
    node(path, data, aclKey, s.czxid(), s.mzxid(), s.ctime(), s.mtime(), s.version(), s.cversion(), s.aversion(),
        s.ephemeralOwner(), s.pzxid());
  }
}
