package zkstore.txnlog;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A read-only mapping of a file, in windows of up to 1 GiB so files past 2 GiB read too. Views handed out
 * are valid until the window moves or the region closes.
 */
final class MappedRegion implements Closeable {
  private static final long WINDOW = 1L << 30;

  private final FileChannel channel;
  private final long size;
  private MappedByteBuffer window;
  private long windowBase;
  private long windowEnd;

  MappedRegion(Path path) throws IOException {
    this.channel = FileChannel.open(path, StandardOpenOption.READ);
    try {
      this.size = channel.size();
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  /** The file's size when it was opened. */
  long size() {
    return size;
  }

  /**
   * Reads file bytes from {@code offset} on into {@code dst} with pread, not through the mapping, and returns
   * how many were read: fewer than {@code dst} has room for only at the end of the file as it is now.
   */
  int read(long offset, ByteBuffer dst) throws IOException {
    int start = dst.position();
    long at = offset;
    while (dst.hasRemaining()) {
      int n = channel.read(dst, at);
      if (n < 0) {
        break;
      }
      at += n;
    }
    return dst.position() - start;
  }

  /**
   * The window holding {@code [offset, offset+length)} (which must lie inside the file); index into it with
   * {@link #index(long)}.
   */
  ByteBuffer cover(long offset, int length) throws IOException {
    if (window == null || offset < windowBase || offset + length > windowEnd) {
      move(offset, length);
    }
    return window;
  }

  /** The index of file offset {@code offset} in the current window. */
  int index(long offset) {
    return (int) (offset - windowBase);
  }

  private void move(long offset, int length) throws IOException {
    Unmapper.unmap(window);
    window = null;
    long base = offset - (offset % WriteWindow.PAGE);
    long len = Math.max(Math.min(WINDOW, size - base), offset + length - base);
    window = channel.map(FileChannel.MapMode.READ_ONLY, base, len);
    windowBase = base;
    windowEnd = base + len;
  }

  @Override
  public void close() throws IOException {
    Unmapper.unmap(window);
    window = null;
    channel.close();
  }
}
