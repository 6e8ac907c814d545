package zkstore.bench.limits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
import org.openjdk.jmh.annotations.Warmup;
import zkstore.bench.harness.BenchDirs;
import zkstore.bench.harness.PageCache;
import zkstore.bench.zookeeper.ZooKeeperVerify;

/**
 * Physical limit of reading a data dir: every file of {@link zkstore.bench.VerifyBench}'s input read once
 * with 1 MiB reads, nothing computed. {@code cache=cold} evicts the files' pages first (the disk's
 * sequential read speed), {@code warm} reads them from the page cache. Secondary metric {@code bytes}: the
 * same data bytes VerifyBench counts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 6)
@Fork(1)
public class SequentialReadBench {
  @Param({"cold", "warm"})
  public String cache;

  private List<Path> files;
  private long dataBytes;
  private PageCache.State state;
  private final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);

  /** The bytes each invocation covered, next to its time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Volume {
    public long bytes;
  }

  @Setup(Level.Trial)
  public void input() {
    Path dataDir = ZooKeeperVerify.dataDir(BenchDirs.fromSystemProperties().inputs());
    files = PageCache.files(dataDir);
    dataBytes = ZooKeeperVerify.dataBytes(dataDir);
    state = PageCache.State.of(cache);
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

  @Benchmark
  public long limit(Volume volume) throws IOException {
    volume.bytes = dataBytes;
    long read = 0;
    for (Path f : files) {
      try (FileChannel ch = FileChannel.open(f)) {
        int n;
        while ((n = ch.read(buf.clear())) > 0) {
          read += n;
        }
      }
    }
    return read;
  }
}
