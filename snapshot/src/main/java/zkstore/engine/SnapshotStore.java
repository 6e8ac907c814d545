package zkstore.engine;

import java.io.IOException;
import java.util.List;
import zkstore.snapshot.SnapshotDigest;
import zkstore.snapshot.SnapshotFile;

/** The snapshots of a store as a restore sees them: listed, pre-checked, and loaded into a tree. */
interface SnapshotStore<T extends EngineTree> {
  /** Every file whose name parses as a snapshot, newest zxid first. */
  List<SnapshotFile> newestFirst() throws IOException;

  /** Why ZooKeeper's cheap validity pre-check rejects the file (FORMATS.md §4.4), or null if it passes. */
  String precheckFailure(SnapshotFile file) throws IOException;

  /** Reads the whole file into a new tree (with its sessions), verifying structure and every seal; damage throws. */
  Loaded<T> load(SnapshotFile file) throws IOException;

  /**
   * A verified snapshot.
   *
   * @param digest the digest section, or null for a pre-3.6 file
   */
  record Loaded<T>(SnapshotFile file, T tree, SnapshotDigest digest) {
    /**
     * The zxid up to which later txns may be partly in the tree (the end of its fuzzy window), or -1 when
     * the file cannot say (no digest section, or one that names no txn).
     */
    long fuzzyEndZxid() {
      if (digest == null || digest.zxid() <= 0) {
        return digest != null && file.zxid() == 0 ? 0 : -1;
      }
      return Math.max(file.zxid(), digest.zxid());
    }
  }
}
