package zkstore.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The snapshot trigger randomises as ZooKeeper's SyncRequestProcessor does (FORMATS.md §6). */
class SnapshotScheduleTest {
  @Test
  void snapshotsComeEveryHalfSnapCountPlusARandomRollBelowHalfSnapCount() {
    long seed = Long.getLong("zkstore.seed", System.nanoTime());
    SnapshotSchedule schedule = new SnapshotSchedule(100, 0, seed);
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (int snapshots = 0; snapshots < 2000; snapshots++) {
      int expected = 50 + schedule.randRoll() + 1;
      int txns = 0;
      while (!schedule.txnLogged(100)) {
        txns++;
      }
      txns++;
      assertEquals(expected, txns, "seed " + seed);
      min = Math.min(min, txns);
      max = Math.max(max, txns);
    }
    assertEquals(51, min, "seed " + seed);
    assertEquals(100, max, "seed " + seed);
  }

  @Test
  void sizeLimitTriggersAfterHalfTheLimitPlusARandomSizeBelowHalfTheLimit() {
    SnapshotSchedule schedule = new SnapshotSchedule(1_000_000, 10_000, 1);
    for (int snapshots = 0; snapshots < 500; snapshots++) {
      long limit = 5_000 + schedule.randSize();
      assertTrue(schedule.randSize() >= 0 && schedule.randSize() < 5_000);
      long bytes = 0;
      while (!schedule.txnLogged(100)) {
        bytes += 100;
      }
      bytes += 100;
      assertTrue(bytes > limit && bytes <= limit + 100, bytes + " vs " + limit);
    }
  }

  @Test
  void snapCountBelowTwoIsTakenAsTwo() {
    assertEquals(2, EngineConfig.of(java.nio.file.Path.of("d")).withSnapCount(0).snapCount());
    SnapshotSchedule schedule = new SnapshotSchedule(1, 0, 3);
    assertEquals(0, schedule.randRoll());
    assertTrue(!schedule.txnLogged(1) && schedule.txnLogged(1));
  }
}
