package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.cli.oracle.Scenarios;
import zkstore.cli.oracle.ZkOracle;

/** {@code purge --keep N} removes exactly what PurgeTxnLog's rules remove, and the dir still restores the same tree. */
class PurgeTest {
  @TempDir
  Path dir;

  List<String> names() throws Exception {
    try (var s = Files.list(dir.resolve("version-2"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void keepOneKeepsTheNewestSnapshotAndTheLogsItNeeds() throws Exception {
    Scenarios.standard(dir);
    List<String> before = ZkOracle.restoredTree(dir);
    Cli.Result dry = Cli.run("purge", dir.toString(), "--keep", "1", "--dry-run");
    assertEquals(0, dry.code(), dry.toString());
    assertEquals(List.of("log.1", "log.19", "log.d", "snapshot.0", "snapshot.18", "snapshot.c"), names());
    Cli.Result r = Cli.run("purge", dir.toString(), "--keep", "1");
    assertEquals(0, r.code(), r.toString());
    assertEquals(3, r.out().lines().filter(l -> l.startsWith("Removing file: ")).count(), r.out());
    assertEquals(List.of("log.19", "log.d", "snapshot.18"), names());
    assertEquals(before, ZkOracle.restoredTree(dir));
  }

  @Test
  void aCorruptNewestSnapshotDoesNotCountAsKept() throws Exception {
    Scenarios.standard(dir);
    Path snap = dir.resolve("version-2/snapshot.18");
    byte[] b = Files.readAllBytes(snap);
    b[b.length / 2] ^= 0x40;
    Files.write(snap, b);
    Cli.Result r = Cli.run("purge", dir.toString(), "--keep", "1");
    assertEquals(0, r.code(), r.toString());
    assertTrue(names().contains("snapshot.c"), names().toString());
    assertTrue(names().contains("log.d"), names().toString());
  }
}
