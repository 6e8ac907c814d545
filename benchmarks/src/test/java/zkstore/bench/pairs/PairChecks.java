package zkstore.bench.pairs;

import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import zkstore.bench.LogAppendBench;
import zkstore.bench.SnapshotWriteBench;
import zkstore.bench.TreeApplyBench;
import zkstore.bench.harness.BenchDirs;
import zkstore.bench.harness.CountingOutputStream;
import zkstore.bench.harness.StoreSide;
import zkstore.bench.harness.StoreSide.LogSettings;
import zkstore.bench.harness.Work;
import zkstore.bench.workload.MixedTreeOps;
import zkstore.bench.workload.SetDataTxns;
import zkstore.bench.workload.TreeOp;
import zkstore.bench.workload.Znodes;
import zkstore.bench.zookeeper.ZooKeeperInputs;

/** Each benchmark pair's checked operation at test sizes, run by one side; the tests compare two sides. */
final class PairChecks {
  static final int TXNS = 3000;
  static final int ZNODES = 3000;

  final BenchDirs dirs;
  final ZooKeeperInputs inputs;

  PairChecks(Path root) {
    dirs = new BenchDirs(root);
    inputs = new ZooKeeperInputs(dirs.inputs());
  }

  Work append(StoreSide side, int dataSize, int commitEvery) throws Exception {
    SetDataTxns txns = new SetDataTxns(dataSize, Znodes.FIRST_ZXID, 4096);
    return LogAppendBench.writeAndScan(side, dirs, txns, new LogSettings(false, 1 << 20), commitEvery, TXNS);
  }

  Work iterate(StoreSide side) throws Exception {
    return side.readLog(inputs.log(TXNS, 100));
  }

  Work snapshotWrite(StoreSide side) throws Exception {
    return SnapshotWriteBench.writeAndReadBack(side, side.buildTree(new Znodes(ZNODES, 100)), dirs);
  }

  Work snapshotRead(StoreSide side) throws Exception {
    Path dir = inputs.snapshot(ZNODES, 100);
    StoreSide.Tree t = side.readSnapshot(dir);
    return new Work(t.nodeCount(), t.lastZxid(), t.digest());
  }

  Work restore(StoreSide side) throws Exception {
    StoreSide.Tree t = side.restore(inputs.dataDir(ZNODES, TXNS, 100));
    return new Work(t.nodeCount(), t.lastZxid(), t.digest());
  }

  Work treeApply(StoreSide side) {
    Znodes nodes = new Znodes(ZNODES, 100);
    List<TreeOp> ops = MixedTreeOps.generate(nodes, TXNS, 7);
    return TreeApplyBench.applyOnce(side, nodes, ops);
  }

  Work treeBuild(StoreSide side) {
    StoreSide.Tree t = side.buildTree(new Znodes(ZNODES, 100));
    return new Work(t.nodeCount(), t.lastZxid(), t.digest());
  }

  Work dump(StoreSide side) throws Exception {
    CountingOutputStream sink = new CountingOutputStream();
    PrintStream out = new PrintStream(new BufferedOutputStream(sink), false, StandardCharsets.UTF_8);
    side.dumpLog(inputs.logFile(TXNS, 100), out);
    out.flush();
    return new Work(sink.txnLines(), 0, 0);
  }

  long logFileBytes() throws Exception {
    return Files.size(inputs.logFile(TXNS, 100));
  }
}
