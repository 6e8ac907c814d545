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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.runtime.JvmFlags;

/**
 * Crash safety of the engine while fuzzy snapshots run constantly: a child JVM ({@link CrashChild}) writes at
 * full speed with snapCount 64 and is killed with SIGKILL at seeded points, 50 times in one data dir (a run with
 * more kills, under the heavy profile, goes on in fresh data dirs of 50 kills each).
 *
 * <p>What a restore after a kill may hold, precisely: the txns 1..F of the workload for some F, applied to an
 * empty tree, and nothing else. F must be at least the highest zxid the child printed as acknowledged (a
 * commit returned for it); F may be larger, because txns logged after the last acknowledgement may have
 * reached the disk before the kill; there is never a gap or a partial txn. So the restored tree must equal
 * ZooKeeper's own tree after exactly F txns (compared node by node and by digest), F must never go below
 * an earlier restore's F, and its digests must agree with the logged ones.
 *
 * <p>Replaying a seed ({@code -Dzkstore.seed=N}): the kill points do not depend on the clock. The seed fixes
 * the workload, each kill's halt txn (see {@link CrashSchedule}) and mode (halted before the commit of the
 * batch holding it, halted after that commit, or still writing), each child's snapshot trigger, and its batch
 * sizes given the zxid it restored. A child that halts is killed while it waits, so the txns it logged are the
 * same on every replay. Not replayable: how far a background fuzzy snapshot has got when the signal lands, and
 * for a child still writing, how many txns it writes after the halt txn before the signal arrives (and so the
 * zxid the next child restores, which changes that child's batch sizes, not its halt txn).
 */
class FuzzySnapshotCrashTest {
  private static final int SNAP_COUNT = 64;
  /**
   * Kills in one data dir. The tree, and with it every restore and every comparison, grows with each kill, and
   * the dir keeps every snapshot, so one dir of 300 kills made each kill slower than the last (28 minutes in all).
   */
  private static final int KILLS_PER_DIR = 50;

  @Test
  void sigkillAtSeededPointsNeverLosesAnAcknowledgedTxnNorLeavesAGap(@TempDir Path tmp) throws Exception {
    long seed = Long.getLong("zkstore.seed", System.nanoTime());
    int kills = Integer.getInteger("zkstore.crash.kills", Boolean.getBoolean("zkstore.test.heavy") ? 300 : 50);
    System.out.println("FuzzySnapshotCrashTest seed " + seed + ", " + kills + " kills (re-run with -Dzkstore.seed="
        + seed + ")");
    for (int first = 1, d = 0; first <= kills; first += KILLS_PER_DIR, d++) {
      Path dir = Files.createDirectories(tmp.resolve("data-" + d));
      killRepeatedly(dir, seed, d, first, Math.min(kills, first + KILLS_PER_DIR - 1));
      PathUtils.deleteDirectory(dir);
    }
  }

  /**
   * Kills {@code firstKill} to {@code lastKill} (numbered across dirs), all in the fresh data dir {@code dir}, the
   * {@code d}-th of the run: it runs the workload and kill points of {@code runSeed + d}.
   */
  private static void killRepeatedly(Path dir, long runSeed, int d, int firstKill, int lastKill) throws Exception {
    // The data dir and the copies ZooKeeper restores both live inside the test's own temp dir, which JUnit deletes.
    Path tmp = dir.getParent();
    long seed = runSeed + d;
    CrashSchedule schedule = new CrashSchedule(seed, SNAP_COUNT);
    ZkWorkload expected = new ZkWorkload(seed);
    long previousRestore = 0;
    int zkChecks = 0;
    for (int kill = firstKill; kill <= lastKill; kill++) {
      CrashSchedule.KillPoint point = schedule.next();
      long acked = runAndKill(dir, seed, point, kill);
      RestorePolicy.Restored<TreeHandle> restored = RestoreDifferential.zkstoreRestore(dir);
      RestoreReport report = restored.report();
      long f = report.finalZxid();
      String where = "run seed " + runSeed + ", dir " + d + ", kill " + kill + " " + point + ", acked " + acked
          + ", restored " + f + "\n" + report.describe();
      assertTrue(f >= acked, "an acknowledged txn was lost: " + where);
      assertTrue(f >= previousRestore, "the restore went back behind an earlier restore: " + where);
      while (expected.lastZxid() < f) {
        expected.next();
      }
      TreeView want = ZkOracle.view(expected.tree(), expected.sessions(), f);
      assertEquals(List.of(), want.differences(RestoreDifferential.view(restored)), where);
      assertTrue(report.digests().clean(), where);
      if (kill % 10 == 0) {
        Path copy = Files.createDirectories(tmp.resolve("zkcopy-" + kill));
        DataDirs.copy(dir, copy);
        assertEquals(List.of(), want.differences(ZkOracle.restore(copy, copy, false)),
            "ZooKeeper restores the crashed dir differently: " + where);
        PathUtils.deleteDirectory(copy);
        zkChecks++;
      }
      previousRestore = f;
    }
    int kills = lastKill - firstKill + 1;
    System.out.println("kills " + firstKill + " to " + lastKill + " in dir " + d + ", final zxid " + previousRestore
        + ", ZooKeeper checks " + zkChecks);
    assertTrue(previousRestore > kills, "the child made too little progress to mean anything: " + previousRestore);
  }

  /**
   * A child that halts at a kill point leaves exactly the txns up to it in its log however long the signal
   * takes to land: on two runs of the same point the restore reaches it. (That the points come from the seed
   * alone is by construction: {@link CrashSchedule} draws them from a {@link java.util.Random} of the seed.)
   */
  @Test
  void aHaltedChildLeavesExactlyTheTxnsUpToItsPoint(@TempDir Path tmp) throws Exception {
    long seed = Long.getLong("zkstore.seed", System.nanoTime());
    System.out.println("FuzzySnapshotCrashTest replay seed " + seed + " (re-run with -Dzkstore.seed=" + seed + ")");
    int run = 0;
    for (CrashChild.Mode mode : List.of(CrashChild.Mode.HALT_BEFORE_COMMIT, CrashChild.Mode.HALT_AFTER_COMMIT)) {
      CrashSchedule.KillPoint point = new CrashSchedule.KillPoint(5 * SNAP_COUNT, mode, seed);
      for (int replay = 1; replay <= 2; replay++) {
        Path dir = Files.createDirectories(tmp.resolve(mode + "-" + replay).resolve("data"));
        long acked = runAndKill(dir, seed, point, ++run);
        long f = RestoreDifferential.zkstoreRestore(dir).report().finalZxid();
        String where = "seed " + seed + ", " + point + ", replay " + replay + ", acked " + acked;
        assertEquals(point.haltAt(), f, "restored zxid: " + where);
        if (mode == CrashChild.Mode.HALT_AFTER_COMMIT) {
          assertEquals(point.haltAt(), acked, where);
        } else {
          assertTrue(acked < point.haltAt(), "the batch holding the kill point was not committed: " + where);
        }
      }
    }
  }

  /** Runs the child until it reports reaching {@code point}, SIGKILLs it, and returns the highest acknowledged zxid. */
  private static long runAndKill(Path dir, long seed, CrashSchedule.KillPoint point, int kill) throws Exception {
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
    cmd.add(Long.toString(point.haltAt()));
    cmd.add(point.mode().name());
    cmd.add(Long.toString(point.rollSeed()));
    Path stderr = dir.resolveSibling("child-stderr-" + kill + ".txt");
    Process child = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
    AtomicLong acked = new AtomicLong(-1);
    AtomicLong haltedAt = new AtomicLong(-1);
    CountDownLatch halted = new CountDownLatch(1);
    StringBuilder errors = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("ACK ")) {
            acked.set(Math.max(acked.get(), Long.parseLong(line.substring(4).trim())));
          } else if (line.startsWith("READY ")) {
            acked.set(Long.parseLong(line.substring(6).trim()));
          } else if (line.startsWith("HALT ")) {
            haltedAt.set(Long.parseLong(line.substring(5).trim()));
            halted.countDown();
          } else {
            errors.append(line).append('\n');
            halted.countDown();
          }
        }
      } catch (java.io.IOException e) {
        // the stream closes when the child is killed
      } catch (RuntimeException e) {
        errors.append(e).append('\n');
      } finally {
        halted.countDown();
      }
    });
    reader.start();
    boolean inTime = halted.await(120, TimeUnit.SECONDS);
    child.destroyForcibly();
    child.waitFor();
    reader.join();
    if (!inTime || errors.length() > 0 || haltedAt.get() < point.haltAt()) {
      fail("child " + kill + " did not reach " + point + (inTime ? "" : " in 120 s") + " (halted at "
          + haltedAt.get() + "): " + errors + Files.readString(stderr));
    }
    Files.deleteIfExists(stderr);
    return acked.get();
  }
}
