package zkstore.bench.pairs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import zkstore.bench.harness.Side;
import zkstore.bench.harness.StoreSide;
import zkstore.bench.harness.Work;
import zkstore.bench.workload.SetDataTxns;
import zkstore.bench.workload.TreeOp;
import zkstore.bench.workload.Znodes;

/** A side that forwards to another; tests override one operation to model a side doing less work. */
class DelegatingSide implements StoreSide {
  final StoreSide inner;

  DelegatingSide(StoreSide inner) {
    this.inner = inner;
  }

  @Override
  public Side side() {
    return Side.ZKSTORE;
  }

  @Override
  public LogWriter openLog(Path dir, SetDataTxns txns, LogSettings settings) throws IOException {
    return inner.openLog(dir, txns, settings);
  }

  @Override
  public Work readLog(Path dir) throws IOException {
    return inner.readLog(dir);
  }

  @Override
  public Tree buildTree(Znodes znodes) {
    return inner.buildTree(znodes);
  }

  @Override
  public PreparedOps prepare(List<TreeOp> ops) {
    return inner.prepare(ops);
  }

  @Override
  public void apply(Tree tree, PreparedOps ops) {
    inner.apply(tree, ops);
  }

  @Override
  public Path writeSnapshot(Tree tree, Path dir) throws IOException {
    return inner.writeSnapshot(tree, dir);
  }

  @Override
  public Tree readSnapshot(Path dir) throws IOException {
    return inner.readSnapshot(dir);
  }

  @Override
  public Tree restore(Path dataDir) throws IOException {
    return inner.restore(dataDir);
  }

  @Override
  public void dumpLog(Path logFile, PrintStream out) throws Exception {
    inner.dumpLog(logFile, out);
  }
}
