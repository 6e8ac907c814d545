package zkstore.txnlog;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.posix.OpenFlag;
import net.openhft.posix.PosixAPI;

/**
 * Grows a log file with real reserved blocks: {@code fallocate(FALLOC_FL_KEEP_SIZE)} then {@code ftruncate},
 * never a sparse hole (a mapped write into a hole on a full disk is a SIGBUS, not an error). Where the
 * filesystem or platform has no fallocate it falls back, once and loudly, to writing zeros.
 */
public final class Preallocator {
  /** How a file's new space is reserved. */
  public enum Mode {
    /** fallocate reserves the blocks without writing them. */
    FALLOCATE,
    /** fallocate is unavailable here; zeros are written (slower msync, still safe on a full disk). */
    ZERO_FILL
  }

  private static final System.Logger LOG = System.getLogger(Preallocator.class.getName());
  private static final int FALLOC_FL_KEEP_SIZE = 1;
  private static final int ENOSPC = 28;
  private static final int EDQUOT = 122;
  private static final int ZERO_CHUNK = 64 * 1024;

  private volatile Mode mode;
  private volatile String fallbackReason;

  public Preallocator() {
    this.mode = Mode.FALLOCATE;
  }

  /** A preallocator that starts in {@code mode} (ZERO_FILL: for tests of the fallback). */
  Preallocator(Mode mode, String reason) {
    this.mode = mode;
    this.fallbackReason = reason;
  }

  /** The mode in use (it turns to ZERO_FILL after the first unsupported fallocate). */
  public Mode mode() {
    return mode;
  }

  /** Why the zero-fill fallback is in use, or null. */
  public String fallbackReason() {
    return fallbackReason;
  }

  /** Makes {@code file} exactly {@code newSize} bytes long, bytes from {@code oldSize} on being reserved zeros. */
  public void extend(Path file, FileChannel channel, long oldSize, long newSize) throws IOException {
    extend(file, channel, -1, oldSize, newSize);
  }

  /** As {@link #extend(Path, FileChannel, long, long)} using the open descriptor {@code fd} when >= 0. */
  void extend(Path file, FileChannel channel, int fd, long oldSize, long newSize) throws IOException {
    if (newSize <= oldSize) {
      return;
    }
    if (mode == Mode.FALLOCATE && tryFallocate(file, fd, oldSize, newSize)) {
      return;
    }
    zeroFill(file, channel, oldSize, newSize);
  }

  private boolean tryFallocate(Path file, int openFd, long oldSize, long newSize) throws IOException {
    PosixAPI posix;
    int fd = openFd;
    try {
      posix = PosixAPI.posix();
      if (fd < 0) {
        fd = posix.open(file.toString(), OpenFlag.O_RDWR.value(), 0);
      }
    } catch (RuntimeException | LinkageError e) {
      fallBack("the posix library is not usable here: " + e);
      return false;
    }
    if (fd < 0) {
      throw new IOException("cannot open " + file + " to preallocate: " + errno(posix));
    }
    try {
      int rc = posix.fallocate(fd, FALLOC_FL_KEEP_SIZE, oldSize, newSize - oldSize);
      if (rc != 0) {
        int err = posix.lastError();
        if (err == ENOSPC || err == EDQUOT) {
          throw diskFull(file, newSize - oldSize, null);
        }
        fallBack("fallocate failed on " + file + " with errno " + err + " (" + posix.strerror(err) + ")");
        return false;
      }
      if (posix.ftruncate(fd, newSize) != 0) {
        throw new IOException("cannot set the size of " + file + " to " + newSize + ": " + errno(posix));
      }
      return true;
    } catch (RuntimeException e) {
      fallBack("fallocate is not usable here: " + e);
      return false;
    } finally {
      if (openFd < 0) {
        posix.close(fd);
      }
    }
  }

  /**
   * Sets the length of {@code file} (open as {@code fd}) to {@code size}; the filesystem then also frees blocks
   * reserved past that length. The writer's own mappings of the file must no longer be used.
   */
  static void trim(Path file, int fd, long size) throws IOException {
    PosixAPI posix = PosixAPI.posix();
    if (posix.ftruncate(fd, size) != 0) {
      throw new IOException("cannot trim " + file + " to " + size + " bytes: " + errno(posix));
    }
  }

  private void zeroFill(Path file, FileChannel channel, long oldSize, long newSize) throws IOException {
    ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(ZERO_CHUNK, newSize - oldSize));
    long pos = oldSize;
    try {
      while (pos < newSize) {
        zeros.clear().limit((int) Math.min(zeros.capacity(), newSize - pos));
        pos += channel.write(zeros, pos);
      }
    } catch (IOException e) {
      channel.truncate(oldSize);
      if (isNoSpace(e)) {
        throw diskFull(file, newSize - oldSize, e);
      }
      throw e;
    }
  }

  private void fallBack(String reason) {
    synchronized (this) {
      if (mode == Mode.ZERO_FILL) {
        return;
      }
      fallbackReason = reason;
      mode = Mode.ZERO_FILL;
    }
    LOG.log(Level.WARNING, "txn log preallocation falls back to writing zeros: " + reason
        + ". Small forces will be slower, a full disk is still reported as an error.");
  }

  static DiskFullException diskFull(Path file, long requested, Throwable cause) {
    long usable;
    try {
      usable = Files.getFileStore(file).getUsableSpace();
    } catch (IOException e) {
      usable = -1;
    }
    return new DiskFullException(file.toString(), requested, usable, cause);
  }

  static boolean isNoSpace(IOException e) {
    String m = e.getMessage();
    return m != null && (m.contains("No space left") || m.contains("Disk quota exceeded"));
  }

  private static String errno(PosixAPI posix) {
    int err = posix.lastError();
    return "errno " + err + " (" + posix.strerror(err) + ")";
  }
}
