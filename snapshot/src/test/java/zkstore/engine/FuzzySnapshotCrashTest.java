package zkstore.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.runtime.JvmFlags;

/**
 * Crash safety of the engine while fuzzy snapshots run constantly: a child JVM ({@link CrashChild}) writes at
 * full speed with snapCount 64 and is killed with SIGKILL at random moments, at least 50 times in one data dir.
 *
 * <p>What a restore after a kill may hold, precisely: the txns 1..F of the workload for some F, applied to an
 * empty tree, and nothing else. F must be at least the highest zxid the child printed as acknowledged (a
 * commit returned for it); F may be larger, because txns logged after the last acknowledgement may have
 * reached the disk before the kill; there is never a gap or a partial txn. So the restored tree must equal
 * ZooKeeper's own tree after exactly F txns (compared node by node and by digest), F must never go below
 * an earlier restore's F, and its digests must agree with the logged ones.
 */
class FuzzySnapshotCrashTest {
  private static final int SNAP_COUNT = 64;

  @Test
  void sigkillAtRandomMomentsNeverLosesAnAcknowledgedTxnNorLeavesAGap(@TempDir Path dir) throws Exception {
    long seed = Long.getLong("zkstore.seed", System.nanoTime());
    int kills = Integer.getInteger("zkstore.crash.kills", Boolean.getBoolean("zkstore.test.heavy") ? 300 : 50);
    System.out.println("FuzzySnapshotCrashTest seed " + seed + ", " + kills + " kills (re-run with -Dzkstore.seed="
        + seed + ")");
    Random random = new Random(seed);
    ZkWorkload expected = new ZkWorkload(seed);
    long previousRestore = 0;
    long totalAcked = 0;
    int zkChecks = 0;
    for (int kill = 1; kill <= kills; kill++) {
      boolean early = random.nextInt(10) < 3;
      long acked = runAndKill(dir, seed, early, early ? random.nextInt(1500) : random.nextInt(400), kill);
      RestorePolicy.Restored<TreeHandle> restored = RestoreDifferential.zkstoreRestore(dir);
      RestoreReport report = restored.report();
      long f = report.finalZxid();
      String where = "seed " + seed + ", kill " + kill + ", acked " + acked + ", restored " + f + "\n"
          + report.describe();
      assertTrue(f >= acked, "an acknowledged txn was lost: " + where);
      assertTrue(f >= previousRestore, "the restore went back behind an earlier restore: " + where);
      while (expected.lastZxid() < f) {
        expected.next();
      }
      TreeView want = ZkOracle.view(expected.tree(), expected.sessions(), f);
      assertEquals(List.of(), want.differences(RestoreDifferential.view(restored)), where);
      assertTrue(report.digests().clean(), where);
      if (kill % 10 == 0) {
        Path copy = Files.createTempDirectory(dir.getParent(), "zkcopy");
        DataDirs.copy(dir, copy);
        assertEquals(List.of(), want.differences(ZkOracle.restore(copy, copy, false)),
            "ZooKeeper restores the crashed dir differently: " + where);
        zkChecks++;
      }
      totalAcked += acked - previousRestore;
      previousRestore = f;
    }
    System.out.println("kills " + kills + ", final zxid " + previousRestore + ", ZooKeeper checks " + zkChecks);
    assertTrue(previousRestore > kills, "the child made too little progress to mean anything: " + previousRestore);
  }

  /**
   * Runs the child until {@code millis} after it is ready ({@code early}) or after its first acknowledgement,
   * SIGKILLs it, and returns the highest acknowledged zxid.
   */
  private static long runAndKill(Path dir, long seed, boolean early, int millis, int kill) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(JvmFlags.all());
    cmd.add("-Xmx512m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(CrashChild.class.getName());
    cmd.add(dir.toString());
    cmd.add(Long.toString(seed));
    cmd.add(Integer.toString(SNAP_COUNT));
    Path stderr = dir.resolveSibling("child-stderr-" + kill + ".txt");
    Process child = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
    long t0 = System.nanoTime();
    AtomicLong acked = new AtomicLong(-1);
    CountDownLatch ready = new CountDownLatch(1);
    CountDownLatch firstAck = new CountDownLatch(1);
    StringBuilder errors = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("ACK ")) {
            acked.set(Math.max(acked.get(), Long.parseLong(line.substring(4).trim())));
            firstAck.countDown();
          } else if (line.startsWith("READY ")) {
            acked.set(Long.parseLong(line.substring(6).trim()));
            ready.countDown();
          } else {
            errors.append(line).append('\n');
            ready.countDown();
          }
        }
      } catch (java.io.IOException e) {
        // the stream closes when the child is killed
      } catch (RuntimeException e) {
        errors.append(e).append('\n');
      }
    });
    reader.start();
    if (!ready.await(60, TimeUnit.SECONDS) || errors.length() > 0) {
      child.destroyForcibly();
      fail("child " + kill + " did not start: " + errors);
    }
    long tReady = System.nanoTime();
    if (!early) {
      firstAck.await(30, TimeUnit.SECONDS);
    }
    long tAck = System.nanoTime();
    Thread.sleep(millis);
    child.destroyForcibly();
    if (kill <= 3) {
      System.out.printf("child %d: ready after %d ms, first ack %d ms later%n", kill, (tReady - t0) / 1_000_000,
          (tAck - tReady) / 1_000_000);
    }
    child.waitFor();
    reader.join();
    if (errors.length() > 0) {
      fail("child " + kill + " reported: " + errors + Files.readString(stderr));
    }
    if (acked.get() <= 0 && Files.size(stderr) > 0) {
      System.out.println("child " + kill + " stderr: " + Files.readString(stderr));
    }
    Files.deleteIfExists(stderr);
    return acked.get();
  }
}
