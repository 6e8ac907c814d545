package zkstore.txnlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.record.TxnRecord;
import zkstore.runtime.JvmFlags;

/**
 * A child JVM appends and commits at full speed and is killed with SIGKILL at random moments. After each
 * kill every txn whose commit returned reads back, nothing after a gap is returned, and the next child
 * reopens the log and continues after the last valid txn.
 */
class CrashTest {
  private static final int KILLS = Boolean.getBoolean("zkstore.test.heavy") ? 400 : 50;

  @TempDir
  Path dir;

  static TxnRecord txn(long zxid) {
    return Txns.setData(zxid, (int) (zxid % 17 == 0 ? 3000 : 100));
  }

  @Test
  void everyAcknowledgedTxnSurvivesSigkillAndTheLogContinues() throws Exception {
    long seed = Txns.seed("crash");
    Random rnd = new Random(seed);
    long maxAcked = 0;
    int tornTails = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      long prealloc = rnd.nextBoolean() ? 8192 : 64 * 1024;
      long roll = rnd.nextInt(3) == 0 ? 128 * 1024 : -1;
      Path out = dir.resolveSibling(dir.getFileName() + "-child.out");
      Process p = start(prealloc, roll, rnd.nextLong(), out);
      long ready = awaitReady(p, out);
      assertTrue(ready >= maxAcked, "reopened writer lost acknowledged txns: resumed after " + ready
          + ", acknowledged " + maxAcked);
      if (rnd.nextInt(5) != 0) {
        awaitAck(p, out, ready);
      }
      Thread.sleep(rnd.nextInt(40));
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
      maxAcked = Math.max(maxAcked, lastAck(out));

      long last = 0;
      try (TxnLogReader r = TxnLogReader.open(dir, 1)) {
        while (r.next()) {
          last++;
          assertEquals(last, r.zxid(), "kill " + kill + ": gap or reordering");
          assertEquals(txn(last), r.record(), "kill " + kill + ": zxid " + last);
        }
        assertTrue(r.outcome() instanceof CleanEnd || r.outcome() instanceof TornTail,
            "kill " + kill + ": " + r.outcome());
        tornTails += r.tornTails().size();
      }
      assertTrue(last >= maxAcked, "kill " + kill + ": acknowledged up to " + maxAcked + " but only " + last
          + " read back");
      // ZooKeeper reads from the first txn this child may have written (and the file below it) to the end.
      assertEquals(last, zooKeeperReadsUpTo(kill, ready + 1),
          "kill " + kill + ": last txn ZooKeeper's iterator reads");
    }
    System.out.println("kills " + KILLS + ", txns acknowledged " + maxAcked + ", files "
        + LogFiles.list(dir).size() + ", torn tails seen " + tornTails);
  }

  /**
   * The last zxid ZooKeeper's FileTxnLog reads from {@code from} on, in a copy of the log made of hard links (it only
   * reads, except that it deletes an empty newest file, which then goes from the copy alone); every txn it reads
   * must be the one written.
   */
  private long zooKeeperReadsUpTo(int kill, long from) throws Exception {
    Path copy = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-zk-" + kill));
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.createLink(copy.resolve(f.getFileName()), f);
      }
    }
    List<TxnRecord> read = ZooKeeperCompatibilityTest.readWithZooKeeper(copy, from);
    for (int i = 0; i < read.size(); i++) {
      assertEquals(txn(from + i), read.get(i), "kill " + kill + ": ZooKeeper's txn " + (from + i));
    }
    try (var files = Files.list(copy)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(copy);
    return from - 1 + read.size();
  }

  private Process start(long prealloc, long roll, long seed, Path out) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(JvmFlags.all());
    cmd.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), CrashChild.class.getName(), dir.toString(),
        Long.toString(prealloc), Long.toString(roll), Long.toString(seed)));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    return pb.start();
  }

  private static long awaitReady(Process p, Path out) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (String line : completeLines(out)) {
        if (line.startsWith("READY ")) {
          return Long.parseLong(line.substring(6));
        }
      }
      if (!p.isAlive()) {
        fail("child exited with " + p.exitValue() + " before it was ready");
      }
      Thread.sleep(5);
    }
    p.destroyForcibly();
    fail("child not ready within 60 s");
    return -1;
  }

  /** Waits until the child acknowledged a commit beyond {@code after}, so most kills hit a busy writer. */
  private static void awaitAck(Process p, Path out, long after) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && p.isAlive()) {
      if (lastAck(out) > after) {
        return;
      }
      Thread.sleep(2);
    }
    if (!p.isAlive()) {
      fail("child exited with " + p.exitValue() + " while writing");
    }
  }

  private static long lastAck(Path out) throws Exception {
    long last = 0;
    for (String line : completeLines(out)) {
      if (line.startsWith("ACK ")) {
        last = Long.parseLong(line.substring(4));
      }
    }
    return last;
  }

  private static List<String> completeLines(Path out) throws Exception {
    if (!Files.exists(out)) {
      return List.of();
    }
    String s = Files.readString(out);
    int end = s.lastIndexOf('\n');
    return end < 0 ? List.of() : List.of(s.substring(0, end).split("\n"));
  }
}
