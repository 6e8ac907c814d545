package zkstore.bench.limits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import net.openhft.posix.OpenFlag;
import net.openhft.posix.PosixAPI;
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
 * Physical limit: one write of {@code records} records of {@code recordBytes} each at the next position of a
 * preallocated file, then {@code FileChannel.force(false)} (fdatasync). Its inverse bounds commits per second of
 * one writer that commits that many records at a time. The sizes are the framed log records of LogAppendBench's
 * two data sizes (187 B for 100 B of data, 1,111 B for 1 KiB), and {@code records} its commit sizes, so each
 * forced row is shown against a write of its own commit's bytes. Three ways to preallocate, and the report takes
 * the fastest: {@code overwrite}, a zero-filled and forced file; {@code sparse}, ZooKeeper's
 * padding, one byte written at the end of a hole (its writes allocate blocks as they go); {@code fallocate},
 * zkstore's blocks reserved by {@code fallocate(FALLOC_FL_KEEP_SIZE)} and never written (the first write to each
 * converts it, a change of metadata the fdatasync must also make durable).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(2)
public class FsyncBench {
  static final int FILE_BYTES = 64 << 20;
  /** Reserved, never-written blocks: enough for a few hundred of the largest commits between two refills. */
  static final long FALLOCATED_FILE_BYTES = 256L << 20;
  private static final int FALLOC_FL_KEEP_SIZE = 1;
  /**
   * Large enough that a run of small commits never wraps around into blocks it has already allocated; a run of
   * large ones that does empties the file first, so every write still allocates.
   */
  static final long SPARSE_FILE_BYTES = 4L << 30;

  @Param({"187", "1111"})
  public int recordBytes;

  @Param({"overwrite", "sparse", "fallocate"})
  public String preallocation;

  /** Records per commit: one write of all of them, then one fdatasync. */
  @Param("1")
  public int records;

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
      case "fallocate" -> reserve();
      default -> throw new IllegalArgumentException(
          "preallocation must be overwrite, sparse or fallocate: " + preallocation);
    }
    ch.force(true);
    record = ByteBuffer.allocateDirect(Math.multiplyExact(recordBytes, records));
    for (int i = 0; i < record.capacity(); i++) {
      record.put(i, (byte) ('a' + i % 26));
    }
  }

  /** Empties the file, then reserves {@link #FALLOCATED_FILE_BYTES} of unwritten blocks and sets that length. */
  private void reserve() throws IOException {
    ch.truncate(0);
    PosixAPI posix = PosixAPI.posix();
    Path file = dir.resolve("prealloc");
    int fd = posix.open(file.toString(), OpenFlag.O_RDWR.value(), 0);
    try {
      if (posix.fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, FALLOCATED_FILE_BYTES) != 0
          || posix.ftruncate(fd, FALLOCATED_FILE_BYTES) != 0) {
        throw new IOException("cannot reserve " + FALLOCATED_FILE_BYTES + " bytes of " + file + ": errno "
            + posix.lastError());
      }
    } finally {
      posix.close(fd);
    }
    fileBytes = FALLOCATED_FILE_BYTES;
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
    pos += record.capacity();
  }

  /**
   * Outside the timed write: when the next commit would not fit, starts over at offset 0, first emptying and
   * refilling a sparse or fallocated file so every write still lands in blocks of its kind. The fsync commits
   * the freed blocks (and, on a filesystem mounted with discard, their discards) before timing resumes.
   */
  @Setup(Level.Invocation)
  public void wrapAround() throws IOException {
    if (pos + record.capacity() <= fileBytes) {
      return;
    }
    pos = 0;
    switch (preallocation) {
      case "sparse" -> {
        ch.truncate(0);
        ch.write(ByteBuffer.allocate(1), SPARSE_FILE_BYTES - 1);
      }
      case "fallocate" -> reserve();
      default -> { }
    }
    ch.force(true);
  }
}
