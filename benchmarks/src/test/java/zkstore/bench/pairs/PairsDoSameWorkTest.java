package zkstore.bench.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.bench.harness.SameWork;
import zkstore.bench.harness.SideUnavailableException;
import zkstore.bench.harness.Work;
import zkstore.bench.workload.SetDataTxns;
import zkstore.bench.zkstore.ZkStoreSide;
import zkstore.bench.zookeeper.ZooKeeperSide;

/**
 * Every benchmark pair, at test sizes: zkstore's side does exactly ZooKeeper's work (same txn count,
 * bytes, digest). A zkstore side whose module has not landed yet is skipped, saying which.
 */
class PairsDoSameWorkTest {
  @TempDir
  static Path root;

  static PairChecks checks;
  final ZooKeeperSide zk = new ZooKeeperSide();
  final ZkStoreSide zks = new ZkStoreSide();

  @BeforeAll
  static void inputs() {
    checks = new PairChecks(root);
  }

  interface Op {
    Work run() throws Exception;
  }

  static void same(String pair, Op zookeeper, Op zkstore) throws Exception {
    Work reference = zookeeper.run();
    Work measured;
    try {
      measured = zkstore.run();
    } catch (SideUnavailableException e) {
      abort(e.getMessage());
      return;
    }
    SameWork.require(pair, "test size", reference, measured);
  }

  @Test
  void zooKeeperLogHoldsEveryTxnWithItsExactRecordSize() throws Exception {
    Work w = checks.append(zk, 100, 10);
    assertEquals(new Work(PairChecks.TXNS, 16 + PairChecks.TXNS * 187L, w.fingerprint()), w);
    Work k = checks.append(zk, 1024, 1000);
    assertEquals(16 + PairChecks.TXNS * 1111L, k.bytes());
    assertEquals(1111, new SetDataTxns(1024, 1, 1).recordBytes());
  }

  @Test
  void logAppendPairWritesTheSameLog() throws Exception {
    same("LogAppendBench", () -> checks.append(zk, 100, 10), () -> checks.append(zks, 100, 10));
    same("LogAppendBench", () -> checks.append(zk, 1024, 1), () -> checks.append(zks, 1024, 1));
  }

  @Test
  void logIteratePairDecodesTheSameTxns() throws Exception {
    same("LogIterateBench", () -> checks.iterate(zk), () -> checks.iterate(zks));
  }

  @Test
  void snapshotWritePairWritesSnapshotsZooKeeperReadsToTheSameTree() throws Exception {
    same("SnapshotWriteBench", () -> checks.snapshotWrite(zk), () -> checks.snapshotWrite(zks));
  }

  @Test
  void snapshotReadPairReadsTheSameTree() throws Exception {
    same("SnapshotReadBench", () -> checks.snapshotRead(zk), () -> checks.snapshotRead(zks));
  }

  @Test
  void restorePairRestoresTheSameTree() throws Exception {
    same("RestoreBench", () -> checks.restore(zk), () -> checks.restore(zks));
  }

  @Test
  void treeApplyPairEndsWithTheSameDigest() throws Exception {
    same("TreeApplyBench", () -> checks.treeApply(zk), () -> checks.treeApply(zks));
  }

  @Test
  void heapPairBuildsTheSameTree() throws Exception {
    same("HeapPerZnodeBench", () -> checks.treeBuild(zk), () -> checks.treeBuild(zks));
  }

  @Test
  void logDumpPairPrintsTheSameTxnLines() throws Exception {
    same("LogDumpBench", () -> checks.dump(zk), () -> checks.dump(zks));
  }
}
