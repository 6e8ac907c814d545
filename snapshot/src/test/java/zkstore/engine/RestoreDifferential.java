package zkstore.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
