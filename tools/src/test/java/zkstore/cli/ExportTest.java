package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.cli.oracle.Scenarios;
import zkstore.cli.oracle.ZkOracle;

/** {@code export --json} equals the tree ZooKeeper itself restores from the same directory. */
class ExportTest {
  @TempDir
  Path dir;

  static List<String> exportLines(Path dataDir) {
    Cli.Result r = Cli.run("export", "--json", dataDir.toString());
    assertEquals(0, r.code(), r.toString());
    return r.out().lines().toList();
  }

  @Test
  void exportEqualsZooKeepersRestoredTree() throws Exception {
    Scenarios.standard(dir);
    assertEquals(ZkOracle.restoredTree(dir), exportLines(dir));
  }

  @Test
  void exportDropsATornTailAsZooKeeperDoes() throws Exception {
    Scenarios.standard(dir);
    Path last = Scenarios.newestLog(dir);
    long end = Scenarios.endOfEntries(last);
    try (var ch = java.nio.channels.FileChannel.open(last, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 0x12, 0x34, 0x56, 0x78, 0, 0, 0, 60, 1, 2, 3}), end);
    }
    assertEquals(ZkOracle.restoredTree(dir), exportLines(dir));
  }

  @Test
  void exportRestoresFromTheLogsAloneWhenNoSnapshotIsLeft() throws Exception {
    Scenarios.standard(dir);
    try (var s = Files.list(dir.resolve("version-2"))) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith("snapshot.")).toList()) {
        Files.delete(p);
      }
    }
    List<String> ours = exportLines(dir);
    System.setProperty("zookeeper.snapshot.trust.empty", "true");
    try {
      assertEquals(ZkOracle.restoredTree(dir), ours);
    } finally {
      System.clearProperty("zookeeper.snapshot.trust.empty");
    }
    assertTrue(ours.size() > 10);
  }
}
