package zkstore.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.zookeeper.server.PurgeTxnLog;
import org.apache.zookeeper.server.persistence.SnapStream.StreamMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Purge keeps the newest N verified snapshots and exactly the logs they need; the store restores the same. */
class StorePurgeTest {
  private static Set<String> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir.resolve("version-2"))) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  @Test
  void purgeDeletesWhatZooKeepersPurgeTxnLogDeletesAndTheStoreStillRestoresTheSame(@TempDir Path scratch)
      throws Exception {
    Path dir = scratch.resolve("a");
    ZkOracle.write(dir, dir, 11, 0, new ZkOracle.Layout(1200, 200, 20, List.of(StreamMode.CHECKED, StreamMode.GZIP)));
    Path zk = scratch.resolve("zk");
    DataDirs.copy(dir, zk);
    TreeView before = RestoreDifferential.view(RestoreDifferential.zkstoreRestore(dir));
    PurgeTxnLog.purge(zk.toFile(), zk.toFile(), 3);
    StorePurge.purge(EngineConfig.of(dir), 3);
    assertEquals(files(zk), files(dir));
    assertEquals(List.of(), before.differences(RestoreDifferential.view(RestoreDifferential.zkstoreRestore(dir))));
  }

  @Test
  void snapshotWithAFlippedByteDoesNotCountSoTheOlderOneAndItsLogsAreKept(@TempDir Path scratch) throws Exception {
    Path dir = scratch.resolve("a");
    ZkOracle.write(dir, dir, 12, 0, new ZkOracle.Layout(1200, 200, 20, List.of(StreamMode.CHECKED)));
    Path newest = DataDirs.newestFirst(dir.resolve("version-2"), "snapshot").get(0);
    DataDirs.flipByte(newest, Files.size(newest) / 2);
    TreeView before = RestoreDifferential.view(RestoreDifferential.zkstoreRestore(dir));
    StorePurge.purge(EngineConfig.of(dir), 1);
    List<Path> left = DataDirs.newestFirst(dir.resolve("version-2"), "snapshot");
    assertEquals(2, left.size(), "kept: " + files(dir));
    assertTrue(left.contains(newest));
    assertEquals(List.of(), before.differences(RestoreDifferential.view(RestoreDifferential.zkstoreRestore(dir))));
  }
}
