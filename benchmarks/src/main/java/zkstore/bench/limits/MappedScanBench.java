package zkstore.bench.limits;

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
import org.openjdk.jmh.annotations.Warmup;
import zkstore.bench.harness.BenchDirs;
import zkstore.bench.harness.LogScan;
import zkstore.bench.harness.Work;
import zkstore.bench.zookeeper.ZooKeeperInputs;

/**
 * Physical limit of log reading: map the log of {@link zkstore.bench.LogIterateBench} and walk its
 * frames verifying every Adler32, decoding nothing (txns/s = txns / time). Page cache warm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(1)
public class MappedScanBench {
  @Param("1000000")
  public int txns;

  @Param("100")
  public int dataSize;

  private Path file;

  @Setup(Level.Trial)
  public void input() {
    file = new ZooKeeperInputs(BenchDirs.fromSystemProperties().inputs()).logFile(txns, dataSize);
  }

  @Benchmark
  public Work limit() {
    Work w = LogScan.scanFile(file);
    if (w.items() != txns) {
      throw new IllegalStateException("scanned " + w.items() + " txns, expected " + txns);
    }
    return w;
  }
}
