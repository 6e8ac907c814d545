package zkstore.txnlog;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import net.openhft.posix.MMapFlag;
import net.openhft.posix.MMapProt;
import net.openhft.posix.OpenFlag;
import net.openhft.posix.PosixAPI;

/**
 * The mapped region a {@link SegmentWriter} writes into: file bytes {@code [base, end)} as a ByteBuffer.
 * Where the posix library and {@code --add-opens java.base/java.nio} are available it maps a large virtual
 * window once (mmap may reach past the end of the file; only bytes below the reserved size are ever
 * written), because on the build VMs every fresh JDK mapping of a 64 KiB step cost about ten times more
 * per byte than pages of one large mapping. Otherwise it maps exactly the reserved tail with the JDK and
 * is remapped at each growth.
 */
abstract class WriteWindow {
  /** The page size every mapping offset and madvise range is aligned to. */
  static final long PAGE = 4096;
  private static final int MADV_RANDOM = 1;
  private static final int MADV_WILLNEED = 3;
  private static final int MADV_DONTNEED = 4;
  private static final int MADV_POPULATE_WRITE = 23;
  private static final Constructor<?> DIRECT_BUFFER = directBufferConstructor();

  final ByteBuffer buffer;
  final long base;
  final long end;

  private WriteWindow(ByteBuffer buffer, long base, long end) {
    this.buffer = buffer;
    this.base = base;
    this.end = end;
  }

  abstract void unmap();

  /**
   * Removes the pages of file bytes {@code [from, to)} (page aligned, inside this window) from the mapping;
   * they stay in the page cache, dirty ones still dirty. A force then cleans them without write-protecting
   * each mapped page, which costs a TLB-flush interrupt per page on every other CPU the process runs on.
   */
  abstract void dropPages(long from, long to);

  /**
   * Faults the pages of file bytes {@code [from, to)} (page aligned, inside this window and the file) in as
   * writable, without changing a byte; false if this window cannot.
   */
  abstract boolean populateForWrite(long from, long to);

  /**
   * Reads the pages of file bytes {@code [from, to)} (page aligned, inside this window and the file) into the
   * page cache without mapping or dirtying them; false if this window cannot. Explicit read-ahead fills the
   * cache with single-page folios, where the kernel's fault read-around builds large ones.
   */
  abstract boolean cacheAhead(long from, long to);

  /**
   * Removes the pages of file bytes {@code [from, to)} (page aligned, inside this window, never written again)
   * from the mapping and queues their write-out without waiting; false if this window cannot.
   */
  abstract boolean startWriteback(long from, long to);

  /**
   * Stops the kernel's read-around on faults in this window, so a fault maps a single-page folio. A write to a
   * clean folio dirties all of it, and a force writes every dirty byte: with large folios each force of a few
   * KiB of entries wrote up to seven times as many bytes.
   */
  abstract void noReadAround();

  /** Whether windows are large posix mappings here (else JDK mappings of the reserved tail). */
  static boolean posixWindows() {
    return DIRECT_BUFFER != null;
  }

  /** Opens the descriptor posix windows map, or -1 when they are not used. */
  static int openDescriptor(Path file) throws IOException {
    if (DIRECT_BUFFER == null) {
      return -1;
    }
    PosixAPI posix = PosixAPI.posix();
    int fd = posix.open(file.toString(), OpenFlag.O_RDWR.value(), 0);
    if (fd < 0) {
      throw new IOException("cannot open " + file + ": errno " + posix.lastError());
    }
    return fd;
  }

  static void closeDescriptor(int fd) {
    if (fd >= 0) {
      PosixAPI.posix().close(fd);
    }
  }

  /**
   * A window starting at or before {@code position} that covers at least {@code [position, minEnd)};
   * {@code reserved} is the file's reserved length (a JDK window never goes past it), {@code posixBytes} the
   * virtual size of a posix window.
   */
  static WriteWindow map(FileChannel channel, int fd, long position, long minEnd, long reserved, long posixBytes)
      throws IOException {
    if (fd >= 0) {
      long base = position - (position % PAGE);
      long length = Math.max(posixBytes, minEnd - base + PAGE);
      if (length > Integer.MAX_VALUE) {
        throw new IOException("a window of " + length + " bytes at " + base + " is more than a ByteBuffer can address");
      }
      long address;
      try {
        address = PosixAPI.posix().mmap(0, length, MMapProt.PROT_READ_WRITE, MMapFlag.SHARED, fd, base);
      } catch (RuntimeException e) {
        throw new IOException("mmap of " + length + " bytes at " + base + " failed: " + e, e);
      }
      return new PosixWindow(wrap(address, (int) length), base, base + length, address, length, fd);
    }
    long length = reserved - position;
    MappedByteBuffer m = channel.map(FileChannel.MapMode.READ_WRITE, position, length);
    return new JdkWindow(m, position, position + length);
  }

  private static ByteBuffer wrap(long address, int length) throws IOException {
    try {
      return (ByteBuffer) DIRECT_BUFFER.newInstance(address, length);
    } catch (ReflectiveOperationException e) {
      PosixAPI.posix().munmap(address, length);
      throw new IOException("cannot wrap a mapping in a ByteBuffer", e);
    }
  }

  private static Constructor<?> directBufferConstructor() {
    try {
      PosixAPI posix = PosixAPI.posix();
      if (posix.getClass().getSimpleName().startsWith("NoOp")) {
        return null;
      }
      Constructor<?> c = Class.forName("java.nio.DirectByteBuffer").getDeclaredConstructor(long.class, int.class);
      c.setAccessible(true);
      return c;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  private static final class PosixWindow extends WriteWindow {
    private final long address;
    private final long length;
    private final int fd;

    PosixWindow(ByteBuffer buffer, long base, long end, long address, long length, int fd) {
      super(buffer, base, end);
      this.address = address;
      this.length = length;
      this.fd = fd;
    }

    @Override
    boolean startWriteback(long from, long to) {
      dropPages(from, to);
      return WritebackStarter.start(fd, from, to);
    }

    @Override
    void unmap() {
      PosixAPI.posix().munmap(address, length);
    }

    @Override
    boolean populateForWrite(long from, long to) {
      return PosixAPI.posix().madvise(address + (from - base), to - from, MADV_POPULATE_WRITE) == 0;
    }

    @Override
    void dropPages(long from, long to) {
      if (to > from) {
        PosixAPI.posix().madvise(address + (from - base), to - from, MADV_DONTNEED);
      }
    }

    @Override
    boolean cacheAhead(long from, long to) {
      return PosixAPI.posix().madvise(address + (from - base), to - from, MADV_WILLNEED) == 0;
    }

    @Override
    void noReadAround() {
      PosixAPI.posix().madvise(address, length, MADV_RANDOM);
    }
  }

  private static final class JdkWindow extends WriteWindow {
    JdkWindow(MappedByteBuffer buffer, long base, long end) {
      super(buffer, base, end);
    }

    @Override
    void unmap() {
      Unmapper.free(buffer);
    }

    @Override
    void dropPages(long from, long to) {}

    @Override
    boolean populateForWrite(long from, long to) {
      return false;
    }

    @Override
    boolean cacheAhead(long from, long to) {
      return false;
    }

    @Override
    void noReadAround() {}

    @Override
    boolean startWriteback(long from, long to) {
      return false;
    }
  }
}
