package zkstore.bench.zkstore;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import zkstore.bench.harness.Side;
import zkstore.bench.harness.SideUnavailableException;
import zkstore.bench.harness.StoreSide;
import zkstore.bench.harness.Work;
import zkstore.bench.workload.SetDataTxns;
import zkstore.bench.workload.TreeOp;
import zkstore.bench.workload.Znodes;

/** zkstore's modules performing each benchmarked operation. */
public final class ZkStoreSide implements StoreSide {

  @Override
  public Side side() {
    return Side.ZKSTORE;
  }

  private static SideUnavailableException missing(String what) {
    return new SideUnavailableException("zkstore side not available yet: " + what);
  }

  @Override
  public LogWriter openLog(Path dir, SetDataTxns txns, LogSettings settings) {
    throw missing("txn log writer (txnlog module)");
  }

  @Override
  public Work readLog(Path dir) {
    throw missing("txn log iterator (txnlog module)");
  }

  @Override
  public Tree buildTree(Znodes znodes) {
    throw missing("data tree (zkstore.tree)");
  }

  @Override
  public PreparedOps prepare(List<TreeOp> ops) {
    throw missing("txn records (zkstore.record)");
  }

  @Override
  public void apply(Tree tree, PreparedOps ops) {
    throw missing("data tree (zkstore.tree)");
  }

  @Override
  public Path writeSnapshot(Tree tree, Path dir) {
    throw missing("snapshot writer (snapshot module)");
  }

  @Override
  public Tree readSnapshot(Path dir) {
    throw missing("snapshot reader (snapshot module)");
  }

  @Override
  public Tree restore(Path dataDir) {
    throw missing("restore (zkstore.engine)");
  }

  @Override
  public void dumpLog(Path logFile, PrintStream out) {
    throw missing("log dump (tools module)");
  }
}
