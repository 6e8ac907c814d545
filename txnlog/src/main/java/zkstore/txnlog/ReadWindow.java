package zkstore.txnlog;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file read with pread into one reusable direct buffer, never through a mapping: a file may shrink while it
 * is read (a writer trimming its zero tail on close, ZooKeeper's TRUNC), and a mapped read past the new end is
 * a SIGBUS that kills the JVM in native Adler32 or a JIT stub. Bytes the file no longer has read as zeros.
 * Views handed out are valid until the window moves or the file closes.
 */
final class ReadWindow implements Closeable {
  /** Large enough that pread calls cost nothing next to the copy, small enough to stay in a core's L2. */
  static final int DEFAULT_BYTES = 256 * 1024;

  private final FileChannel channel;
  private final long size;
  private final int windowBytes;
  private ByteBuffer buffer;
  private long base;
  private int filled;
  private long endSeen;

  ReadWindow(Path path, int windowBytes) throws IOException {
    this.channel = FileChannel.open(path, StandardOpenOption.READ);
    this.windowBytes = windowBytes;
    try {
      this.size = channel.size();
      this.endSeen = size;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  /** The file's size when it was opened; reads never go past it. */
  long size() {
    return size;
  }

  /**
   * Reads file bytes from {@code offset} on into {@code dst} and returns how many were read: fewer than
   * {@code dst} has room for only at the end of the file as it is now.
   */
  /** The file, for reads by position that bypass the buffer. */
  FileChannel channel() {
    return channel;
  }

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
   * The buffer holding file bytes {@code [offset, offset+length)}, which must lie inside the size at open;
   * index into it with {@link #index(long)}.
   */
  ByteBuffer cover(long offset, int length) throws IOException {
    if (buffer == null || offset < base || offset + length > base + filled) {
      fill(offset, length);
    }
    return buffer;
  }

  /**
   * The end of the file as last seen: the size at open, or less once a read came up short because the file
   * shrank. Every byte from here to the size at open reads as zero.
   */
  long endSeen() {
    return endSeen;
  }

  /** The index of file offset {@code offset} in the buffer. */
  int index(long offset) {
    return (int) (offset - base);
  }

  private void fill(long offset, int length) throws IOException {
    int want = (int) Math.max(length, Math.min(windowBytes, size - offset));
    if (buffer == null || buffer.capacity() < want) {
      Unmapper.free(buffer);
      buffer = ByteBuffer.allocateDirect(want);
    }
    buffer.clear().limit(want);
    int n = read(offset, buffer);
    if (n < want) {
      endSeen = Math.min(endSeen, offset + n);
    }
    while (buffer.hasRemaining()) {
      buffer.put((byte) 0);
    }
    base = offset;
    filled = want;
  }

  @Override
  public void close() throws IOException {
    Unmapper.free(buffer);
    buffer = null;
    channel.close();
  }
}
