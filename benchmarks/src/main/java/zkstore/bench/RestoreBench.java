package zkstore.bench;

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
import zkstore.bench.zookeeper.ZooKeeperInputs;

/**
 * Restores a ZooKeeper data dir: the newest snapshot ({@code znodes} leaves of 100 B) plus a log of
 * {@code txns} setData txns replayed on top. Work compared: node count, last zxid, digest.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 2, jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
public class RestoreBench {
  @Param("1000000")
  public int znodes;

  @Param("100000")
  public int txns;

  @Param("100")
  public int dataSize;

  private StoreSide impl;
  private Path dataDir;
  private Work reference;
  private StoreSide.Tree last;

  @Setup(Level.Trial)
  public void checkPair(BenchmarkParams params) {
    BenchDirs dirs = BenchDirs.fromSystemProperties();
    dataDir = new ZooKeeperInputs(dirs.inputs()).dataDir(znodes, txns, dataSize);
    Side side = Side.of(params);
    impl = Sides.of(side);
    reference = PairCheck.require("RestoreBench", "tree restored", side,
        () -> dirs.inputs().reference("datadir-" + znodes + "-" + txns + "-" + dataSize + ".restore",
            () -> work(Sides.of(Side.ZOOKEEPER).restore(dataDir))),
        () -> work(impl.restore(dataDir)));
  }

  static Work work(StoreSide.Tree tree) {
    return new Work(tree.nodeCount(), tree.lastZxid(), tree.digest());
  }

  @TearDown(Level.Iteration)
  public void verify() {
    SameWork.require("RestoreBench", "tree restored in the last iteration", reference, work(last));
    last = null;
  }

  @Benchmark
  public StoreSide.Tree zookeeper() throws Exception {
    return last = impl.restore(dataDir);
  }

  @Benchmark
  public StoreSide.Tree zkstore() throws Exception {
    return last = impl.restore(dataDir);
  }
}
