package zkstore.bench.limits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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

/**
 * Physical limit: one write of {@code recordBytes} at the next position of a preallocated file, then
 * {@code FileChannel.force(false)} (fdatasync). Its inverse bounds commits per second of one writer. The sizes
 * are the framed log records of LogAppendBench's two data sizes (187 B for 100 B of data, 1,111 B for 1 KiB),
 * so each commit-every-1 row is judged against a write of its own size. Two ways to preallocate, as the two
 * writers do, and the report takes the faster: {@code overwrite}, a zero-filled and forced file; {@code sparse},
 * ZooKeeper's padding, one byte written at the end of a hole (its writes allocate blocks as they go).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(2)
public class FsyncBench {
  static final int FILE_BYTES = 64 << 20;
  /** Large enough that no run wraps around into blocks it has already allocated. */
  static final long SPARSE_FILE_BYTES = 4L << 30;

  @Param({"187", "1111"})
  public int recordBytes;

  @Param({"overwrite", "sparse"})
  public String preallocation;

  private long fileBytes;

  private Path dir;
  private FileChannel ch;
  private ByteBuffer record;
  private long pos;

  @Setup(Level.Trial)
  public void preallocate() throws IOException {
    dir = BenchDirs.fromSystemProperties().newScratch("fsync-");
    ch = FileChannel.open(dir.resolve("prealloc"), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    switch (preallocation) {
      case "overwrite" -> zeroFill();
      case "sparse" -> {
        ch.write(ByteBuffer.allocate(1), SPARSE_FILE_BYTES - 1);
        fileBytes = SPARSE_FILE_BYTES;
      }
      default -> throw new IllegalArgumentException("preallocation must be overwrite or sparse: " + preallocation);
    }
    ch.force(true);
    record = ByteBuffer.allocateDirect(recordBytes);
    for (int i = 0; i < recordBytes; i++) {
      record.put(i, (byte) ('a' + i % 26));
    }
  }

  private void zeroFill() throws IOException {
    ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
    for (long p = 0; p < FILE_BYTES; p += zeros.capacity()) {
      zeros.clear();
      while (zeros.hasRemaining()) {
        ch.write(zeros, p + zeros.position());
      }
    }
    fileBytes = FILE_BYTES;
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    ch.close();
    BenchDirs.deleteTree(dir);
  }

  @Benchmark
  public void limit() throws IOException {
    record.clear();
    while (record.hasRemaining()) {
      ch.write(record, pos + record.position());
    }
    ch.force(false);
    pos += recordBytes;
    if (pos + recordBytes > fileBytes) {
      pos = 0;
    }
  }
}
