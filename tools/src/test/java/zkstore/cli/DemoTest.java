package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.cli.oracle.ZkOracle;

/** {@code demo} builds a data dir that ZooKeeper restores to the same tree zkstore exports, and runs its tour cleanly. */
class DemoTest {
  @TempDir
  Path tmp;

  @Test
  void demoBuildsADirZooKeeperLoadsAndEveryStepSucceeds() throws Exception {
    Cli.Result r = Cli.run("demo", "--dir", tmp.resolve("demo").toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("verdict: OK"), r.out());
    assertEquals(1, r.out().lines().filter(l -> l.equals("(exit 1)")).count(), "only diff reports differences: " + r.out());
    assertTrue(r.out().lines().noneMatch(l -> l.equals("(exit 2)")), r.out());
    Path data = tmp.resolve("demo/data");
    assertEquals(ZkOracle.restoredTree(data), ExportTest.exportLines(data));
    try (var s = Files.list(tmp.resolve("demo"))) {
      Path restored = s.filter(p -> p.getFileName().toString().startsWith("restored-at-")).findFirst().orElseThrow();
      assertTrue(ZkOracle.restoredTree(restored).size() > 10);
    }
  }
}
