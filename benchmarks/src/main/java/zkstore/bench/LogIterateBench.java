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

/** Reads a whole txn log (written by ZooKeeper) with full decoding of every header and body; page cache warm. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 2, jvmArgsAppend = {"-Xmx3g", "-Xms3g"})
public class LogIterateBench {
  @Param("1000000")
  public int txns;

  @Param("100")
  public int dataSize;

  private StoreSide impl;
  private Path log;
  private Work reference;
  private Work last;

  @Setup(Level.Trial)
  public void checkPair(BenchmarkParams params) {
    BenchDirs dirs = BenchDirs.fromSystemProperties();
    ZooKeeperInputs inputs = new ZooKeeperInputs(dirs.inputs());
    log = inputs.log(txns, dataSize);
    Side side = Side.of(params);
    impl = Sides.of(side);
    reference = PairCheck.require("LogIterateBench", "txns decoded", side,
        () -> dirs.inputs().reference("log-" + txns + "-" + dataSize + ".read",
            () -> Sides.of(Side.ZOOKEEPER).readLog(log)),
        () -> Sides.of(Side.ZKSTORE).readLog(log));
  }

  @TearDown(Level.Iteration)
  public void verify() {
    SameWork.require("LogIterateBench", "txns decoded in the last iteration", reference, last);
  }

  @Benchmark
  public Work zookeeper() throws Exception {
    return last = impl.readLog(log);
  }

  @Benchmark
  public Work zkstore() throws Exception {
    return last = impl.readLog(log);
  }
}
