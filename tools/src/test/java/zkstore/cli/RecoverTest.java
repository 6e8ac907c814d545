package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.cli.oracle.DirCopy;
import zkstore.cli.oracle.Scenarios;
import zkstore.cli.oracle.ZkOracle;

/** {@code recover} output loads in ZooKeeper with the tree its report promises; the source is never changed. */
class RecoverTest {
  @TempDir
  Path tmp;
  Path src;
  Path v2;

  @BeforeEach
  void writeDataDir() throws Exception {
    src = tmp.resolve("src");
    Scenarios.standard(src);
    v2 = src.resolve("version-2");
  }

  static void flipByteOfEntry(Path log, int entry) throws Exception {
    long at = Scenarios.entryOffsets(log).get(entry) + 12 + 40;
    try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, at);
      b.put(0, (byte) (b.get(0) ^ 0x5a));
      ch.write(b.rewind(), at);
    }
  }

  static String digestOf(Path dir) throws Exception {
    StringBuilder sb = new StringBuilder();
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted().toList()) {
        sb.append(dir.relativize(p)).append(Files.isRegularFile(p) ? java.util.Arrays.hashCode(Files.readAllBytes(p)) : 0).append('\n');
      }
    }
    return sb.toString();
  }

  Cli.Result recover(Path out) throws Exception {
    String before = digestOf(src);
    Cli.Result r = Cli.run("recover", src.toString(), "--out", out.toString());
    assertEquals(before, digestOf(src), "recover must not modify the source");
    assertEquals(0, r.code(), r.toString());
    return r;
  }

  @Test
  void corruptionBeforeTheNewestSnapshotCutsTheLogHistoryAndKeepsTheWholeState() throws Exception {
    flipByteOfEntry(v2.resolve("log.d"), 2);
    Path out = tmp.resolve("out");
    Cli.Result r = recover(out);
    assertTrue(r.out().contains("recovered state as of zxid 0x24"), r.toString());
    assertTrue(r.out().contains("dropped from the log history only zxid 0xf"), r.toString());
    Path expected = DirCopy.copy(src, tmp.resolve("expected"));
    Files.delete(expected.resolve("version-2/log.d"));
    assertEquals(ZkOracle.restoredTree(expected), ZkOracle.restoredTree(out));
    Cli.Result verify = Cli.run("verify", out.toString());
    assertEquals(0, verify.code(), "the copy has no gap in its log history:\n" + verify);
    assertTrue(r.out().contains("log.d: left out: its entries lie before the gap in the log history that ends at"
        + " zxid 0x18"), r.toString());
    assertTrue(r.out().contains("snapshot.c: left out: verifies, but lies before the gap"), r.toString());
  }

  @Test
  void corruptionAfterTheNewestSnapshotDropsTheRestAndNamesTheZxids() throws Exception {
    flipByteOfEntry(v2.resolve("log.19"), 2);
    Path out = tmp.resolve("out");
    Cli.Result r = recover(out);
    assertTrue(r.out().contains("recovered state as of zxid 0x1a"), r.toString());
    assertTrue(r.out().contains("dropped zxid 0x1b and every later txn in that file: log.19 is corrupt at offset"), r.toString());
    assertEquals(RestoreToZxidTest.zooKeeperTreeAt(src, tmp.resolve("zk"), 0x1a), ZkOracle.restoredTree(out));
    assertTrue(Files.exists(out.resolve("version-2/snapshot.1a")), r.toString());
  }

  @Test
  void aTruncatedSnapshotIsLeftOutAndATornTailRemoved() throws Exception {
    Path snap = v2.resolve("snapshot.18");
    try (FileChannel ch = FileChannel.open(snap, StandardOpenOption.WRITE)) {
      ch.truncate(Files.size(snap) / 2);
    }
    Path log = v2.resolve("log.19");
    try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 80, 9}), Scenarios.endOfEntries(log));
    }
    Path out = tmp.resolve("out");
    Cli.Result r = recover(out);
    assertTrue(r.out().contains("snapshot.18: left out: does not verify"), r.toString());
    assertTrue(r.out().contains("torn tail"), r.toString());
    List<String> zk = ZkOracle.restoredTree(src);
    assertEquals(zk, ZkOracle.restoredTree(out));
    assertEquals(0, Cli.run("verify", out.toString()).code(), Cli.run("verify", out.toString()).toString());
  }

  @Test
  void inPlaceMovesTheOriginalToANamedBackupFirst() throws Exception {
    flipByteOfEntry(v2.resolve("log.19"), 2);
    String before = digestOf(v2);
    Cli.Result r = Cli.run("recover", src.toString(), "--in-place");
    assertEquals(0, r.code(), r.toString());
    String line = r.out().lines().filter(l -> l.startsWith("backup of the original files: ")).findFirst().orElseThrow();
    Path backup = Path.of(line.substring("backup of the original files: ".length()));
    assertEquals(before, digestOf(backup));
    assertTrue(ZkOracle.restoredTree(src).size() > 10);
    assertTrue(Files.exists(v2.resolve("snapshot.1a")), r.toString());
  }
}
