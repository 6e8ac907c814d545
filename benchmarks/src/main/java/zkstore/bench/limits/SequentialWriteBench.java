package zkstore.bench.limits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import zkstore.bench.harness.BenchDirs;

/** Physical limit: {@code sizeMiB} of 1 MiB writes to a new file, then one fdatasync (MiB/s = size / time). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(2)
public class SequentialWriteBench {
  @Param("256")
  public int sizeMiB;

  private Path dir;
  private final ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);

  @Setup(Level.Trial)
  public void fill() {
    dir = BenchDirs.fromSystemProperties().newScratch("seqwrite-");
    for (int i = 0; i < chunk.capacity(); i++) {
      chunk.put(i, (byte) (i * 31));
    }
  }

  @TearDown(Level.Invocation)
  public void deleteFile() throws IOException {
    Files.deleteIfExists(dir.resolve("seq"));
  }

  @TearDown(Level.Trial)
  public void deleteDir() {
    BenchDirs.deleteTree(dir);
  }

  @Benchmark
  public void limit() throws IOException {
    try (FileChannel ch = FileChannel.open(dir.resolve("seq"), StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
      for (int i = 0; i < sizeMiB; i++) {
        chunk.clear();
        while (chunk.hasRemaining()) {
          ch.write(chunk);
        }
      }
      ch.force(false);
    }
  }
}
