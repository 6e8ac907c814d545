package zkstore.bench;

import java.nio.file.Path;
import java.util.List;
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
import zkstore.bench.harness.PageCache;
import zkstore.bench.harness.PairCheck;
import zkstore.bench.harness.SameWork;
import zkstore.bench.harness.Side;
import zkstore.bench.harness.Work;
import zkstore.bench.zkstore.ZkStoreVerify;
import zkstore.bench.zookeeper.ZooKeeperVerify;

/**
 * Verifies a data dir of about 1 GiB (a 1M-znode snapshot and five logs of 928,000 txns, written by
 * ZooKeeper): zkstore's {@code verify} against ZooKeeper's closest equivalent, FileTxnIterator over every
 * log plus FileSnap loading the snapshot. {@code cache=cold} evicts the input files' pages before every
 * invocation, {@code warm} leaves them cached. The secondary metric {@code bytes} is the data verified
 * (see {@link ZooKeeperVerify#dataBytes}), so the report gives MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 6)
@Fork(value = 2, jvmArgsAppend = {"-Xmx3g", "-Xms3g"})
public class VerifyBench {
  @Param({"cold", "warm"})
  public String cache;

  private Path dataDir;
  private List<Path> files;
  private long dataBytes;
  private PageCache.State state;
  private Side side;
  private Work reference;
  private Work last;

  /** The bytes each invocation verified, next to its time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Volume {
    public long bytes;
  }

  @Setup(Level.Trial)
  public void checkPair(BenchmarkParams params) {
    BenchDirs dirs = BenchDirs.fromSystemProperties();
    dataDir = ZooKeeperVerify.dataDir(dirs.inputs());
    files = PageCache.files(dataDir);
    dataBytes = ZooKeeperVerify.dataBytes(dataDir);
    state = PageCache.State.of(cache);
    side = Side.of(params);
    reference = PairCheck.require("VerifyBench", "log txns read, snapshot znodes, last zxid", side,
        () -> dirs.inputs().reference(dataDir.getFileName() + ".verify", () -> ZooKeeperVerify.verify(dataDir)),
        () -> ZkStoreVerify.verify(dataDir));
    if (state == PageCache.State.WARM) {
      PageCache.warm(files);
    }
  }

  @Setup(Level.Invocation)
  public void pageCache() {
    if (state == PageCache.State.COLD) {
      PageCache.evict(files);
    }
  }

  @TearDown(Level.Iteration)
  public void verify() {
    SameWork.require("VerifyBench", "log txns, snapshot znodes and last zxid of the last iteration", reference, last);
  }

  @Benchmark
  public Work zookeeper(Volume volume) throws Exception {
    volume.bytes = dataBytes;
    return last = ZooKeeperVerify.verify(dataDir);
  }

  @Benchmark
  public Work zkstore(Volume volume) throws Exception {
    volume.bytes = dataBytes;
    return last = ZkStoreVerify.verify(dataDir);
  }
}
