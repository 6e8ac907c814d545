package zkstore.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.zookeeper.server.persistence.SnapStream.StreamMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data dirs written by ZooKeeper's own FileTxnSnapLog (every txn type, sessions, an epoch change, five
 * snapshots plain/gz/snappy, six log files) restore in zkstore to exactly what ZooKeeper's restore gives:
 * intact, and with each fault a crash or a disk can leave.
 */
class ZooKeeperWrittenStoreRestoreTest {
  @TempDir
  static Path scratch;
  static Path pristine;
  static long seed;
  static ZkWorkload workload;

  @BeforeAll
  static void writeWithZooKeeper() throws Exception {
    seed = Long.getLong("zkstore.seed", System.nanoTime());
    System.out.println("ZooKeeperWrittenStoreRestoreTest seed " + seed + " (re-run with -Dzkstore.seed=" + seed + ")");
    pristine = scratch.resolve("pristine");
    workload = ZkOracle.write(pristine, pristine, seed, 1500,
        new ZkOracle.Layout(3000, 700, 10, List.of(StreamMode.CHECKED, StreamMode.GZIP, StreamMode.SNAPPY)));
  }

  @Test
  void intactStoreRestoresToZooKeepersTreeSessionsZxidAndDigest() throws Exception {
    RestoreReport report = RestoreDifferential.assertSameRestore(pristine, scratch, false, "seed " + seed);
    assertEquals(workload.lastZxid(), report.finalZxid());
    RestoreReport.FromSnapshot start = assertInstanceOf(RestoreReport.FromSnapshot.class, report.start());
    assertTrue(start.file().endsWith(".gz") || start.file().endsWith(".snappy") || start.file().matches(".*\\.[0-9a-f]+$"));
    assertEquals(List.of(), report.skipped());
    assertEquals(RestoreReport.SnapshotDigestOutcome.MATCHED, report.digests().snapshot());
    assertTrue(report.digests().logDigestsCompared() > 0);
    assertTrue(report.digests().clean(), report.describe());
    assertEquals(List.of(), ZkOracle.view(workload.tree(), workload.sessions(), workload.lastZxid())
        .differences(RestoreDifferential.view(RestoreDifferential.zkstoreRestore(pristine))));
  }

  @Test
  void truncatedNewestSnapshotIsSkippedWithItsReasonAndTheOlderOneReplayed() throws Exception {
    Path dir = DataDirs.copyOf(pristine, scratch, "truncated");
    Path newest = DataDirs.newestFirst(DataDirs.v2(dir), "snapshot").get(0);
    DataDirs.truncate(newest, Files.size(newest) / 2);
    RestoreReport report = RestoreDifferential.assertSameRestore(dir, scratch, false, "seed " + seed);
    assertEquals(newest.toString(), report.skipped().get(0).file());
    assertTrue(report.txnsReplayed() > 700, report.describe());
    assertTrue(report.digests().clean(), report.describe());
  }

  @Test
  void snapshotWithAFlippedByteIsSkippedAndTheOlderOneReplayed() throws Exception {
    for (int which = 0; which < 3; which++) {
      Path dir = DataDirs.copyOf(pristine, scratch, "flipped" + which);
      Path snap = DataDirs.newestFirst(DataDirs.v2(dir), "snapshot").get(which);
      for (int k = 0; k <= which; k++) {
        Path s = DataDirs.newestFirst(DataDirs.v2(dir), "snapshot").get(k);
        DataDirs.flipByteThatChangesTheStream(s, Files.size(s) / 2);
      }
      RestoreReport report =
          RestoreDifferential.assertSameRestoreAsZooKeeperWithoutSkipped(dir, scratch, "seed " + seed + " " + snap);
      assertEquals(which + 1, report.skipped().size(), report.describe());
      assertTrue(report.digests().clean(), report.describe());
    }
  }

  @Test
  void noSnapshotsRestoresFromTheLogsAloneAsZooKeeperDoesWhenTrustingAnEmptySnapshotDir() throws Exception {
    Path dir = DataDirs.copyOf(pristine, scratch, "nosnap");
    for (Path s : DataDirs.newestFirst(DataDirs.v2(dir), "snapshot")) {
      Files.delete(s);
    }
    RestoreReport report = RestoreDifferential.assertSameRestore(dir, scratch, true, "seed " + seed);
    assertInstanceOf(RestoreReport.FromLogsAlone.class, report.start());
    assertEquals(3000, report.txnsReplayed());
    assertTrue(report.digests().clean(), report.describe());
  }

  @Test
  void tornLogTailIsDroppedAndReported() throws Exception {
    Path dir = DataDirs.copyOf(pristine, scratch, "torn");
    Path newestLog = DataDirs.newestFirst(DataDirs.v2(dir), "log").get(0);
    DataDirs.truncate(newestLog, DataDirs.endOfData(newestLog) - 7);
    RestoreReport report = RestoreDifferential.assertSameRestore(dir, scratch, false, "seed " + seed);
    assertNotNull(report.tornTail(), report.describe());
    assertEquals(workload.lastZxid() - 1, report.finalZxid());
  }
}
