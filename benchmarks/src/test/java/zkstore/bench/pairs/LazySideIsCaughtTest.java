package zkstore.bench.pairs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.bench.harness.PairCheck;
import zkstore.bench.harness.Side;
import zkstore.bench.harness.Work;
import zkstore.bench.harness.WorkMismatchException;
import zkstore.bench.workload.SetDataTxns;
import zkstore.bench.workload.TreeOp;
import zkstore.bench.workload.Znodes;
import zkstore.bench.zookeeper.ZooKeeperSide;

/**
 * A side that does less than ZooKeeper (drops a txn, a node, a line) fails the pre-timing check
 * loudly, so a fast figure can never come from doing less work.
 */
class LazySideIsCaughtTest {
  @TempDir
  static Path root;

  static PairChecks checks;
  final ZooKeeperSide zk = new ZooKeeperSide();

  @BeforeAll
  static void inputs() {
    checks = new PairChecks(root);
  }

  interface Op {
    Work run() throws Exception;
  }

  static void caught(String pair, Op zookeeper, Op lazy) {
    WorkMismatchException e = assertThrows(WorkMismatchException.class,
        () -> PairCheck.require(pair, "test size", Side.ZKSTORE, zookeeper::run, lazy::run));
    assertTrue(e.getMessage().startsWith(pair), e.getMessage());
  }

  @Test
  void writerThatDropsOneAppendIsCaught() {
    DelegatingSide lazy = new DelegatingSide(zk) {
      @Override
      public LogWriter openLog(Path dir, SetDataTxns txns, LogSettings settings) throws IOException {
        LogWriter w = inner.openLog(dir, txns, settings);
        return new LogWriter() {
          @Override
          public void append(long i) throws IOException {
            if (i != 1234) {
              w.append(i);
            }
          }

          @Override
          public void commit() throws IOException {
            w.commit();
          }

          @Override
          public void close() throws IOException {
            w.close();
          }
        };
      }
    };
    caught("LogAppendBench", () -> checks.append(zk, 100, 10), () -> checks.append(lazy, 100, 10));
  }

  @Test
  void readerThatSkipsDecodingIsCaught() {
    DelegatingSide lazy = new DelegatingSide(zk) {
      @Override
      public Work readLog(Path dir) throws IOException {
        Work w = inner.readLog(dir);
        return new Work(w.items(), w.bytes(), 0);
      }
    };
    caught("LogIterateBench", () -> checks.iterate(zk), () -> checks.iterate(lazy));
  }

  @Test
  void treeMissingOneZnodeIsCaughtBySnapshotWriteAndHeap() {
    DelegatingSide lazy = new DelegatingSide(zk) {
      @Override
      public Tree buildTree(Znodes znodes) {
        return inner.buildTree(new Znodes(znodes.count() - 1, znodes.dataSize()));
      }
    };
    caught("SnapshotWriteBench", () -> checks.snapshotWrite(zk), () -> checks.snapshotWrite(lazy));
    caught("HeapPerZnodeBench", () -> checks.treeBuild(zk), () -> checks.treeBuild(lazy));
  }

  @Test
  void applyThatSkipsTheLastTxnIsCaught() {
    DelegatingSide lazy = new DelegatingSide(zk) {
      @Override
      public PreparedOps prepare(List<TreeOp> ops) {
        return inner.prepare(ops.subList(0, ops.size() - 1));
      }
    };
    caught("TreeApplyBench", () -> checks.treeApply(zk), () -> checks.treeApply(lazy));
  }

  @Test
  void restoreThatStopsAtTheSnapshotIsCaught() {
    DelegatingSide lazy = new DelegatingSide(zk) {
      @Override
      public Tree restore(Path dataDir) throws IOException {
        return inner.readSnapshot(dataDir.resolve("version-2"));
      }
    };
    caught("RestoreBench", () -> checks.restore(zk), () -> checks.restore(lazy));
  }

  @Test
  void dumpThatPrintsNothingIsCaught() {
    DelegatingSide lazy = new DelegatingSide(zk) {
      @Override
      public void dumpLog(Path logFile, PrintStream out) {
        out.println("EOF reached after 0 txns.");
      }
    };
    caught("LogDumpBench", () -> checks.dump(zk), () -> checks.dump(lazy));
  }
}
