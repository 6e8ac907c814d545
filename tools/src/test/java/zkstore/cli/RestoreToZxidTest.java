package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.cli.oracle.DirCopy;
import zkstore.cli.oracle.Scenarios;
import zkstore.cli.oracle.ZkOracle;

/** {@code restore --to-zxid Z} writes a dir that ZooKeeper loads with exactly the tree of replaying up to Z. */
class RestoreToZxidTest {
  @TempDir
  Path tmp;

  /** ZooKeeper's own answer: a copy with later snapshots removed and the log truncated after Z, restored. */
  static List<String> zooKeeperTreeAt(Path src, Path scratch, long z) throws Exception {
    Path copy = DirCopy.copy(src, scratch);
    try (var s = Files.list(copy.resolve("version-2"))) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith("snapshot.")).toList()) {
        if (Long.parseLong(p.getFileName().toString().substring(9), 16) > z) {
          Files.delete(p);
        }
      }
    }
    FileTxnSnapLog snapLog = new FileTxnSnapLog(copy.toFile(), copy.toFile());
    try {
      snapLog.truncateLog(z);
    } finally {
      snapLog.close();
    }
    return ZkOracle.restoredTree(copy);
  }

  @Test
  void restoredDirLoadsInZooKeeperWithTheTreeAsOfEachTarget() throws Exception {
    Path src = tmp.resolve("src");
    long last = Scenarios.standard(src);
    long[] targets = {0x3, 0xd, 0x12, 0x19, last};
    for (long z : targets) {
      Path out = tmp.resolve("out-" + Long.toHexString(z));
      Cli.Result r = Cli.run("restore", src.toString(), "--to-zxid", "0x" + Long.toHexString(z), "--out", out.toString());
      assertEquals(0, r.code(), r.toString());
      assertTrue(Files.exists(out.resolve("version-2/snapshot." + Long.toHexString(z))), r.toString());
      assertEquals(zooKeeperTreeAt(src, tmp.resolve("zk-" + Long.toHexString(z)), z), ZkOracle.restoredTree(out),
          "zxid 0x" + Long.toHexString(z));
    }
  }

  @Test
  void aTargetBeyondTheLogWritesNothingAndExitsOne() throws Exception {
    Path src = tmp.resolve("src");
    Scenarios.standard(src);
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("restore", src.toString(), "--to-zxid", "0x999", "--out", out.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(!Files.exists(out.resolve("version-2")), r.toString());
  }
}
