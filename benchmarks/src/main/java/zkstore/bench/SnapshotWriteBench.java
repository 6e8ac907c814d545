package zkstore.bench;

import java.nio.file.Files;
import java.nio.file.Path;
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
import zkstore.bench.workload.Znodes;

/**
 * Writes a forced snapshot of a tree of {@code znodes} leaves with 100 B data (plus 100 sessions).
 * Before timing, the measured side's snapshot is read back by ZooKeeper's FileSnap and must give the
 * same node count, file size and digest as ZooKeeper's own snapshot of the same tree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 2, jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
public class SnapshotWriteBench {
  @Param({"100000", "1000000"})
  public int znodes;

  @Param("100")
  public int dataSize;

  private StoreSide impl;
  private StoreSide.Tree tree;
  private BenchDirs dirs;
  private Path dir;
  private Path written;
  private Work reference;

  @Setup(Level.Trial)
  public void checkPair(BenchmarkParams params) {
    dirs = BenchDirs.fromSystemProperties();
    Znodes nodes = new Znodes(znodes, dataSize);
    Side side = Side.of(params);
    impl = Sides.of(side);
    tree = impl.buildTree(nodes);
    reference = PairCheck.require("SnapshotWriteBench " + znodes, "snapshot written", side,
        () -> dirs.inputs().reference("snapshot-" + znodes + "-" + dataSize + ".write", () -> {
          StoreSide zk = Sides.of(Side.ZOOKEEPER);
          return writeAndReadBack(zk, side == Side.ZOOKEEPER ? tree : zk.buildTree(nodes), dirs);
        }),
        () -> writeAndReadBack(impl, tree, dirs));
  }

  /** Writes {@code tree}'s snapshot with {@code side}; ZooKeeper reads it back: node count, file bytes, digest. */
  public static Work writeAndReadBack(StoreSide side, StoreSide.Tree tree, BenchDirs dirs) throws Exception {
    Path d = dirs.newScratch("snapshot-check-");
    try {
      Path file = side.writeSnapshot(tree, d);
      StoreSide.Tree back = Sides.of(Side.ZOOKEEPER).readSnapshot(d);
      return new Work(back.nodeCount(), Files.size(file), back.digest());
    } finally {
      BenchDirs.deleteTree(d);
    }
  }

  @Setup(Level.Iteration)
  public void newDir() {
    dir = dirs.newScratch("snapshot-");
  }

  @TearDown(Level.Iteration)
  public void verify() throws Exception {
    Work w = new Work(tree.nodeCount(), Files.size(written), tree.digest());
    SameWork.require("SnapshotWriteBench " + znodes, "snapshot written in the last iteration", reference, w);
    BenchDirs.deleteTree(dir);
  }

  @Benchmark
  public Path zookeeper() throws Exception {
    return written = impl.writeSnapshot(tree, dir);
  }

  @Benchmark
  public Path zkstore() throws Exception {
    return written = impl.writeSnapshot(tree, dir);
  }
}
