package zkstore.bench;

import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import zkstore.bench.harness.CountingOutputStream;
import zkstore.bench.zookeeper.ZooKeeperInputs;

/**
 * Dumps a log of {@code txns} setData txns as text to a null stream: ZooKeeper's TxnLogToolkit
 * against zkstore's {@code log dump} command, in process. Work compared: txn lines printed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 6)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
public class LogDumpBench {
  @Param("1000000")
  public int txns;

  @Param("100")
  public int dataSize;

  private StoreSide impl;
  private Path logFile;
  private Work reference;
  private final CountingOutputStream sink = new CountingOutputStream();
  private final PrintStream out = new PrintStream(new BufferedOutputStream(sink, 1 << 16), false, StandardCharsets.UTF_8);

  @Setup(Level.Trial)
  public void checkPair(BenchmarkParams params) {
    BenchDirs dirs = BenchDirs.fromSystemProperties();
    logFile = new ZooKeeperInputs(dirs.inputs()).logFile(txns, dataSize);
    Side side = Side.of(params);
    impl = Sides.of(side);
    reference = PairCheck.require("LogDumpBench", "txn lines printed", side,
        () -> dirs.inputs().reference("log-" + txns + "-" + dataSize + ".dump",
            () -> dump(Sides.of(Side.ZOOKEEPER))),
        () -> dump(impl));
  }

  private Work dump(StoreSide s) throws Exception {
    sink.reset();
    s.dumpLog(logFile, out);
    out.flush();
    return new Work(sink.txnLines(), 0, 0);
  }

  @TearDown(Level.Iteration)
  public void verify() {
    SameWork.require("LogDumpBench", "txn lines printed in the last iteration", reference,
        new Work(sink.txnLines(), 0, 0));
  }

  @Benchmark
  public void zookeeper() throws Exception {
    sink.reset();
    impl.dumpLog(logFile, out);
    out.flush();
  }

  @Benchmark
  public void zkstore() throws Exception {
    sink.reset();
    impl.dumpLog(logFile, out);
    out.flush();
  }
}
