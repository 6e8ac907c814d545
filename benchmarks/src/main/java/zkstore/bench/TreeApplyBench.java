package zkstore.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import zkstore.bench.harness.BenchDirs;
import zkstore.bench.harness.PairCheck;
import zkstore.bench.harness.SameWork;
import zkstore.bench.harness.Side;
import zkstore.bench.harness.Sides;
import zkstore.bench.harness.StoreSide;
import zkstore.bench.harness.Work;
import java.util.List;
import zkstore.bench.workload.MixedTreeOps;
import zkstore.bench.workload.TreeOp;
import zkstore.bench.workload.Znodes;

/**
 * Applies {@code txns} mixed txns (40% create, 40% setData, 20% delete) to a tree of {@code znodes}
 * leaves, the path every restore and every replicated txn takes. Each invocation starts from a
 * fresh tree; the digest after the last txn must match ZooKeeper's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 2, jvmArgsAppend = {"-Xmx3g", "-Xms3g"})
public class TreeApplyBench {
  static final long SEED = 20261122L;

  @Param("100000")
  public int znodes;

  @Param("200000")
  public int txns;

  private StoreSide impl;
  private Znodes nodes;
  private StoreSide.PreparedOps ops;
  private StoreSide.Tree tree;
  private Work reference;

  @Setup(Level.Trial)
  public void checkPair(BenchmarkParams params) {
    nodes = new Znodes(znodes, 100);
    List<TreeOp> list = MixedTreeOps.generate(nodes, txns, SEED);
    Side side = Side.of(params);
    impl = Sides.of(side);
    reference = PairCheck.require("TreeApplyBench", "tree after the txns", side,
        () -> applyOnce(Sides.of(Side.ZOOKEEPER), nodes, list),
        () -> applyOnce(impl, nodes, list));
    ops = impl.prepare(list);
  }

  /** Builds the base tree, applies the txns, and returns node count, txns applied and digest. */
  public static Work applyOnce(StoreSide side, Znodes nodes, List<TreeOp> list) {
    StoreSide.Tree t = side.buildTree(nodes);
    side.apply(t, side.prepare(list));
    return new Work(t.nodeCount(), list.size(), t.digest());
  }

  @Setup(Level.Invocation)
  public void freshTree() {
    tree = impl.buildTree(nodes);
  }

  @TearDown(Level.Invocation)
  public void verify() {
    SameWork.require("TreeApplyBench", "tree after the txns", reference,
        new Work(tree.nodeCount(), ops.size(), tree.digest()));
    tree = null;
  }

  @Benchmark
  public void zookeeper() {
    impl.apply(tree, ops);
  }

  @Benchmark
  public void zkstore() {
    impl.apply(tree, ops);
  }
}
