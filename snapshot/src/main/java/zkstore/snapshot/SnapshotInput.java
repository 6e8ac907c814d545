package zkstore.snapshot;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Adler32;
import zkstore.jute.FormatException;
import zkstore.jute.JuteMaxBuffer;

/**
 * The logical snapshot stream being read: one large array refilled from a chunk source, absolute offsets,
 * a running Adler-32 over consumed bytes taken in whole chunks, and checked lengths. Every failure is a
 * {@link FormatException} naming the file, the field, the offset and what was expected.
 */
final class SnapshotInput {
  /** Fills a byte range with the next bytes of the logical stream; -1 at its end. */
  interface ChunkSource {
    int read(byte[] b, int off, int len) throws IOException;
  }

  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final ChunkSource source;
  private final String file;
  private final long knownLength;
  /** True for the decompressed stream of a .gz or .snappy file: offsets are not positions in the file. */
  private final boolean decompressed;
  private final int maxFieldLength;
  private byte[] buf;
  /**
   * Bytes read per fill (more only when a field needs it). The checksum runs over each fill's bytes once they
   * are consumed: at 128 KiB they are still in the core's cache, at the old 2 MiB they were not, and
   * java.util.zip.Adler32 ran at 1.7 instead of 10 GB/s (it was half of a 1M-node snapshot's verify).
   */
  private static final int FILL_BYTES = 128 << 10;
  private final Adler32 adler = new Adler32();
  private int pos;
  private int limit;
  private int adlerPos;
  /** Absolute stream offset of buf[0]. */
  private long base;
  private boolean eof;

  /**
   * @param knownLength length of the logical stream if known (plain files), else -1
   * @param decompressed true when the stream is decompressed from the file, so its errors say whose offsets
   *     they carry
   * @param maxFieldLength largest buffer or string length accepted (jute.maxbuffer + extrasize)
   */
  SnapshotInput(ChunkSource source, String file, long knownLength, boolean decompressed, int maxFieldLength,
      int bufferSize) {
    this.source = source;
    this.file = file;
    this.knownLength = knownLength;
    this.decompressed = decompressed;
    this.maxFieldLength = maxFieldLength;
    long initial = knownLength >= 0 ? Math.min(bufferSize, knownLength + 64) : bufferSize;
    this.buf = new byte[(int) Math.max(initial, 64)];
  }

  String file() {
    return file;
  }

  /** True when this is the decompressed stream of a .gz or .snappy file, whose offsets are not file positions. */
  boolean decompressed() {
    return decompressed;
  }

  long position() {
    return base + pos;
  }

  /** True when the stream has no byte left at the current position. */
  boolean atEnd() throws IOException {
    return !fill(1);
  }

  int readInt(String field) throws IOException {
    int at = require(4, field);
    return (int) INT.get(buf, at);
  }

  long readLong(String field) throws IOException {
    int at = require(8, field);
    return (long) LONG.get(buf, at);
  }

  /** Consumes {@code n} bytes and returns their index in {@link #array()}; valid until the next read. */
  int require(int n, String field) throws IOException {
    if (!fill(n)) {
      throw truncated(field + ": expected " + n + " bytes, found " + (limit - pos) + " before the end of the stream",
          position());
    }
    int at = pos;
    pos += n;
    return at;
  }

  byte[] array() {
    return buf;
  }

  /** Index in {@link #array()} of the current position. */
  int index() {
    return pos;
  }

  /** Bytes buffered at the current position, after reading more if fewer than {@code n} are and the stream has them. */
  int buffered(int n) throws IOException {
    fill(n);
    return limit - pos;
  }

  /** Consumes {@code n} bytes already checked to be buffered. */
  void skip(int n) {
    pos += n;
  }

  /** Largest buffer or string length accepted. */
  int maxFieldLength() {
    return maxFieldLength;
  }

  int intAt(int at) {
    return (int) INT.get(buf, at);
  }

  long longAt(int at) {
    return (long) LONG.get(buf, at);
  }

  /** A jute buffer; null for length -1. */
  byte[] readBuffer(String field) throws IOException {
    long lenAt = position();
    int len = readLength(field, lenAt);
    if (len < 0) {
      return null;
    }
    int at = require(len, field);
    byte[] out = new byte[len];
    System.arraycopy(buf, at, out, 0, len);
    return out;
  }

  /** A jute ustring decoded as standard UTF-8 (malformed sequences become U+FFFD, as in ZooKeeper); null for -1. */
  String readString(String field) throws IOException {
    long lenAt = position();
    int len = readLength(field, lenAt);
    if (len < 0) {
      return null;
    }
    int at = require(len, field);
    return new String(buf, at, len, StandardCharsets.UTF_8);
  }

  /** True if the next field is a string equal to the one-byte string {@code c} (consumes it only then). */
  boolean nextIsOneCharString(char c) throws IOException {
    if (!fill(5)) {
      return false;
    }
    if ((int) INT.get(buf, pos) == 1 && buf[pos + 4] == (byte) c) {
      pos += 5;
      return true;
    }
    return false;
  }

  /** The Adler-32 of every byte consumed so far. */
  long checksum() {
    adler.update(buf, adlerPos, pos - adlerPos);
    adlerPos = pos;
    return adler.getValue();
  }

  /** Bytes known to remain in the stream, or Long.MAX_VALUE if the stream length is unknown. */
  long knownRemaining() {
    return knownLength < 0 ? Long.MAX_VALUE : knownLength - position();
  }

  FormatException invalid(String detail, long offset) {
    return located(new FormatException(detail, file, offset, null, false, null));
  }

  FormatException truncated(String detail, long offset) {
    return located(new FormatException(detail, file, offset, null, true, null));
  }

  /**
   * {@code e}, raised at an offset of this stream, naming this file and, if decompressed, saying so of its offset
   * and of the offsets in its text.
   */
  FormatException located(FormatException e) {
    FormatException named = e.withFile(file);
    return decompressed ? named.withOffsetInUncompressedStream() : named;
  }

  private int readLength(String field, long lenAt) throws IOException {
    int len = readInt(field + " length");
    if (len == -1) {
      return -1;
    }
    if (len < 0) {
      throw invalid(field + ": length " + len + ", expected -1 or 0.." + maxFieldLength, lenAt);
    }
    if (len > maxFieldLength) {
      String hint = len <= knownRemaining() ? "; a ZooKeeper started with a larger jute.maxbuffer writes such fields,"
          + " and one with " + JuteMaxBuffer.readsWith(len) + " reads this one" : "";
      throw invalid(field + ": length " + len + " exceeds the limit " + maxFieldLength
          + " (jute.maxbuffer + extrasize)" + hint, lenAt);
    }
    if (len > knownRemaining()) {
      throw truncated(field + ": length " + len + " but only " + knownRemaining() + " bytes remain in the file",
          lenAt);
    }
    return len;
  }

  /** Moves the unread bytes to the front of the buffer, after summing the consumed ones. */
  private void compact() {
    adler.update(buf, adlerPos, pos - adlerPos);
    int keep = limit - pos;
    System.arraycopy(buf, pos, buf, 0, keep);
    base += pos;
    limit = keep;
    pos = 0;
    adlerPos = 0;
  }

  /**
   * Makes {@code n} bytes available at pos; false if the stream ends first. The buffer at most doubles per
   * step and only once the stream has filled it, so a corrupt length in a compressed stream (whose size is not
   * known ahead) allocates about twice the bytes that are really there, not the length it claims.
   */
  private boolean fill(int n) throws IOException {
    if (limit - pos >= n) {
      return true;
    }
    if (eof) {
      return false;
    }
    if (pos > 0) {
      compact();
    }
    while (limit < n) {
      if (limit == buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
      }
      int want = Math.min(buf.length, Math.max(n, FILL_BYTES));
      while (limit < want) {
        int r = source.read(buf, limit, want - limit);
        if (r < 0) {
          eof = true;
          return limit >= n;
        }
        limit += r;
      }
    }
    return true;
  }
}
