package zkstore.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Restores one data dir in ZooKeeper and in zkstore and asserts both give the same store. */
final class RestoreDifferential {
  private RestoreDifferential() {}

  /** zkstore's restore of {@code dataDir} (read-only). */
  static RestorePolicy.Restored<TreeHandle> zkstoreRestore(Path dataDir) throws IOException {
    return StorageEngine.policy(EngineConfig.of(dataDir)).restore();
  }

  static TreeView view(RestorePolicy.Restored<TreeHandle> r) {
    return ZkstoreView.of(r.tree().tree(), r.report().finalZxid());
  }

  /**
   * Restores a copy of {@code dataDir} with ZooKeeper (trusting an empty snapshot dir when asked) and
   * {@code dataDir} itself with zkstore; asserts equal tree, sessions, last zxid and digest; returns zkstore's report.
   */
  static RestoreReport assertSameRestore(Path dataDir, Path scratch, boolean trustEmpty, String label)
      throws IOException {
    Path copy = Files.createTempDirectory(scratch, "zk");
    DataDirs.copy(dataDir, copy);
    TreeView zk = ZkOracle.restore(copy, copy, trustEmpty);
    RestorePolicy.Restored<TreeHandle> ours = zkstoreRestore(dataDir);
    TreeView mine = view(ours);
    assertEquals(List.of(), zk.differences(mine), label + ": zkstore's restore differs from ZooKeeper's\n"
        + ours.report().describe());
    return ours.report();
  }

  /**
   * Like {@link #assertSameRestore}, but ZooKeeper restores a copy from which the snapshots zkstore skipped are
   * removed, and ZooKeeper's FileSnap must pick the same snapshot in the full copy. Needed where ZooKeeper's
   * restore of the damaged dir is not a function of the snapshot it finally loads: 3.9.3's FileSnap deserializes
   * every candidate into the same session map and DataTree, so the sessions of a snapshot it rejected late stay
   * in the restored state (seed 12778470154565 of ZooKeeperWrittenStoreRestoreTest:
   * 77 sessions after loading snapshot.578.snappy, whose own file holds 17, and a different pzxid after replay).
   */
  static RestoreReport assertSameRestoreAsZooKeeperWithoutSkipped(Path dataDir, Path scratch, String label)
      throws IOException {
    RestorePolicy.Restored<TreeHandle> ours = zkstoreRestore(dataDir);
    Path full = Files.createTempDirectory(scratch, "zkfull");
    DataDirs.copy(dataDir, full);
    RestoreReport.FromSnapshot start = (RestoreReport.FromSnapshot) ours.report().start();
    try {
      long zkLoaded = new org.apache.zookeeper.server.persistence.FileSnap(DataDirs.v2(full).toFile())
          .deserialize(new org.apache.zookeeper.server.DataTree(), new java.util.HashMap<>());
      assertEquals(start.zxid(), zkLoaded, label + ": ZooKeeper loads another snapshot\n" + ours.report().describe());
    } catch (RuntimeException e) {
      // Its fallback catches only IOException: a damaged candidate that throws anything else (an invalid extended
      // ephemeralOwner with zookeeper.extendedTypesEnabled) stops ZooKeeper, so it has no choice to compare.
      System.out.println(label + ": ZooKeeper stops on a skipped snapshot instead of falling back: " + e);
      assertTrue(!ours.report().skipped().isEmpty(),
          label + ": ZooKeeper threw " + e + " on a snapshot zkstore loaded");
    }
    Path trimmed = Files.createTempDirectory(scratch, "zktrimmed");
    DataDirs.copy(dataDir, trimmed);
    for (RestoreReport.SkippedSnapshot skipped : ours.report().skipped()) {
      Files.delete(DataDirs.v2(trimmed).resolve(Path.of(skipped.file()).getFileName()));
    }
    TreeView zk = ZkOracle.restore(trimmed, trimmed, false);
    assertEquals(List.of(), zk.differences(view(ours)), label + ": zkstore's restore differs from ZooKeeper's "
        + "without the skipped snapshots\n" + ours.report().describe());
    return ours.report();
  }
}
