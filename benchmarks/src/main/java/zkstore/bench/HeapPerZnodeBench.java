package zkstore.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import zkstore.bench.workload.Znodes;

/**
 * Heap held per znode: in a fresh fork, used heap after a full GC is taken before and after building
 * a tree of {@code znodes} leaves with 100 B data; the delta divided by the leaves is reported as the
 * secondary metric {@code bytesPerZnode}. The timed figure (tree build) is incidental.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xmx4g", "-Xms4g", "-XX:+UseG1GC"})
public class HeapPerZnodeBench {
  @Param("1000000")
  public int znodes;

  @Param("100")
  public int dataSize;

  private StoreSide impl;
  private Znodes nodes;
  private StoreSide.Tree held;
  private long expectedNodes;
  private long expectedDigest;

  /** The heap figure JMH reports next to the time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Heap {
    public long bytesPerZnode;
  }

  @Setup(Level.Trial)
  public void checkPair(BenchmarkParams params) {
    nodes = new Znodes(znodes, dataSize);
    Side side = Side.of(params);
    impl = Sides.of(side);
    BenchDirs dirs = BenchDirs.fromSystemProperties();
    Work reference = PairCheck.require("HeapPerZnodeBench", "tree built", side,
        () -> dirs.inputs().reference("tree-" + znodes + "-" + dataSize + ".build",
            () -> work(Sides.of(Side.ZOOKEEPER).buildTree(nodes))),
        () -> work(impl.buildTree(nodes)));
    expectedNodes = reference.items();
    expectedDigest = reference.fingerprint();
  }

  private static Work work(StoreSide.Tree t) {
    return new Work(t.nodeCount(), 0, t.digest());
  }

  @TearDown(Level.Iteration)
  public void verify() {
    SameWork.require("HeapPerZnodeBench", "tree built in the last iteration",
        new Work(expectedNodes, 0, expectedDigest), work(held));
    held = null;
  }

  @Benchmark
  public void zookeeper(Heap heap) {
    measure(heap);
  }

  @Benchmark
  public void zkstore(Heap heap) {
    measure(heap);
  }

  private void measure(Heap heap) {
    held = null;
    long before = usedAfterGc();
    held = impl.buildTree(nodes);
    long after = usedAfterGc();
    heap.bytesPerZnode = (after - before) / znodes;
  }

  /** Used heap after full collections have settled. */
  static long usedAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 2; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
