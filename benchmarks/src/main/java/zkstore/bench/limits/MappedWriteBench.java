package zkstore.bench.limits;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.Adler32;
import net.openhft.posix.MMapFlag;
import net.openhft.posix.MMapProt;
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
import zkstore.bench.workload.SetDataTxns;

/**
 * Limit of the no-force log-append rows for a writer that goes through a memory mapping: frames of
 * LogAppendBench's record size, encoded before timing, appended to a fresh file through a shared mapping
 * (txns/s = frames/s). Per frame it does only what every writer of the format must: copy the payload in,
 * compute its Adler32, store checksum, length and end byte. The file grows by fallocate in 64 MiB steps, and a
 * second thread faults pages in as writable ({@code MADV_POPULATE_WRITE}) up to 4 MiB ahead, so the appender
 * rarely takes a fault itself: the best arrangement found for two cores (benchmarks/NOTES.md). No encoding, no
 * txn objects, no zxid checks: the engine cannot go faster than this, whatever it does above the mapping.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(1)
public class MappedWriteBench {
  static final long STEP = 64L << 20;
  static final long WINDOW = 256L << 20;
  static final long PAGE = 4096;
  static final long AHEAD = 4L << 20;
  static final long CHUNK = 128L << 10;
  private static final int FALLOC_FL_KEEP_SIZE = 1;
  private static final int MADV_POPULATE_WRITE = 23;
  private static final int FRAME_PREFIX = 12;
  private static final int PAYLOADS = 4096;
  /** ZooKeeper's txn log file header (magic "ZKLG", version 2, dbid 0), so the file is a log a scan can check. */
  private static final byte[] FILE_HEADER = {'Z', 'K', 'L', 'G', 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0};

  /** Data bytes of LogAppendBench's txns; the frame is that case's whole log record. */
  @Param({"100", "1024"})
  public int dataSize;

  private final PosixAPI posix = PosixAPI.posix();
  private final Adler32 adler = new Adler32();
  private byte[][] payloads;
  private Path dir;
  private Path file;
  private int fd = -1;
  private long allocated;
  private long position;
  private long windowBase;
  private long windowAddress;
  private ByteBuffer window;
  private int next;
  private Prefaulter prefaulter;

  @Setup(Level.Trial)
  public void payloads() {
    int payloadBytes = new SetDataTxns(dataSize, 1, 1).recordBytes() - FRAME_PREFIX - 1;
    Random random = new Random(dataSize);
    payloads = new byte[PAYLOADS][payloadBytes];
    for (byte[] p : payloads) {
      random.nextBytes(p);
    }
    dir = BenchDirs.fromSystemProperties().newScratch("mapped-write-");
  }

  @Setup(Level.Iteration)
  public void openFile() throws IOException {
    file = dir.resolve("log");
    java.nio.file.Files.write(file, FILE_HEADER, java.nio.file.StandardOpenOption.CREATE_NEW);
    fd = posix.open(file.toString(), OpenFlag.O_RDWR.value(), 0);
    if (fd < 0) {
      throw new IOException("cannot open " + file + ": errno " + posix.lastError());
    }
    allocated = FILE_HEADER.length;
    position = FILE_HEADER.length;
    prefaulter = new Prefaulter();
    mapWindow();
  }

  @TearDown(Level.Iteration)
  public void deleteFile() throws IOException {
    prefaulter.close();
    posix.munmap(windowAddress, WINDOW);
    window = null;
    posix.close(fd);
    java.nio.file.Files.delete(file);
  }

  /** The file the current iteration writes. */
  Path file() {
    return file;
  }

  @TearDown(Level.Trial)
  public void deleteDir() {
    BenchDirs.deleteTree(dir);
  }

  @Benchmark
  public void limit() throws IOException {
    byte[] payload = payloads[next++ & (PAYLOADS - 1)];
    int len = payload.length;
    long frame = FRAME_PREFIX + len + 1;
    if (position + frame > allocated) {
      grow(position + frame);
    }
    if (position + frame > windowBase + WINDOW) {
      mapWindow();
    }
    int at = (int) (position - windowBase);
    window.put(at + FRAME_PREFIX, payload, 0, len);
    adler.reset();
    adler.update(payload, 0, len);
    window.put(at + FRAME_PREFIX + len, (byte) 'B');
    window.putLong(at, adler.getValue());
    window.putInt(at + 8, len);
    position += frame;
    prefaulter.appendedTo(position);
  }

  private void grow(long needed) throws IOException {
    long to = ((needed + STEP - 1) / STEP) * STEP;
    if (posix.fallocate(fd, FALLOC_FL_KEEP_SIZE, allocated, to - allocated) != 0
        || posix.ftruncate(fd, to) != 0) {
      throw new IOException("cannot reserve " + to + " bytes of " + file + ": errno " + posix.lastError());
    }
    allocated = to;
    prefaulter.reserved(to);
  }

  private void mapWindow() throws IOException {
    long base = position - position % PAGE;
    long address = posix.mmap(0, WINDOW, MMapProt.PROT_READ_WRITE, MMapFlag.SHARED, fd, base);
    ByteBuffer buffer;
    try {
      buffer = (ByteBuffer) DirectBuffers.CONSTRUCTOR.newInstance(address, (int) WINDOW);
    } catch (ReflectiveOperationException e) {
      throw new IOException("cannot wrap the mapping in a ByteBuffer (needs --add-opens java.base/java.nio)", e);
    }
    prefaulter.follow(address, base, window == null ? 0 : windowAddress);
    window = buffer;
    windowAddress = address;
    windowBase = base;
  }

  private static final class DirectBuffers {
    static final Constructor<?> CONSTRUCTOR = constructor();

    private static Constructor<?> constructor() {
      try {
        Constructor<?> c = Class.forName("java.nio.DirectByteBuffer").getDeclaredConstructor(long.class, int.class);
        c.setAccessible(true);
        return c;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Faults the pages ahead of the appends in as writable, and unmaps windows the appender has left. */
  private final class Prefaulter implements AutoCloseable {
    private final Thread thread = new Thread(this::run, "mapped-write-prefault");
    private final ArrayDeque<Long> left = new ArrayDeque<>();
    private volatile boolean closed;
    private volatile RuntimeException failure;
    private volatile long appended;
    private volatile long reserved;
    private long address;
    private long base;
    private long touched;
    private long askedAt;

    Prefaulter() {
      thread.setDaemon(true);
      thread.start();
    }

    /** Moves to the window at {@code windowAddress}, and unmaps the one at {@code leftAddress} (0: none). */
    synchronized void follow(long windowAddress, long windowBase, long leftAddress) {
      address = windowAddress;
      base = windowBase;
      touched = windowBase;
      if (leftAddress != 0) {
        left.add(leftAddress);
        LockSupport.unpark(thread);
      }
    }

    void reserved(long to) {
      reserved = to;
    }

    void appendedTo(long pos) {
      if (pos - askedAt >= CHUNK) {
        askedAt = pos;
        appended = pos;
        LockSupport.unpark(thread);
      }
    }

    private void run() {
      try {
        while (!closed) {
          boolean worked = unmapLeft();
          if (!populateNextChunk() && !worked) {
            LockSupport.park(this);
          }
        }
      } catch (RuntimeException e) {
        failure = e;
      }
    }

    private boolean unmapLeft() {
      Long a;
      boolean any = false;
      while ((a = pollLeft()) != null) {
        posix.munmap(a, WINDOW);
        any = true;
      }
      return any;
    }

    private synchronized Long pollLeft() {
      return left.poll();
    }

    private synchronized boolean populateNextChunk() {
      long to = Math.min(Math.min(appended + AHEAD, reserved), Math.min(base + WINDOW, touched + CHUNK));
      to -= to % PAGE;
      if (to <= touched) {
        return false;
      }
      if (posix.madvise(address + (touched - base), to - touched, MADV_POPULATE_WRITE) != 0) {
        throw new IllegalStateException("MADV_POPULATE_WRITE failed: errno " + posix.lastError());
      }
      touched = to;
      return true;
    }

    @Override
    public void close() throws IOException {
      closed = true;
      LockSupport.unpark(thread);
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while stopping the prefault thread", e);
      }
      unmapLeft();
      if (failure != null) {
        // Without its prefaulting this is no longer the limit it claims to be.
        throw new IOException("the prefault thread failed", failure);
      }
    }
  }
}
