package zkstore.txnlog;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.Adler32;
import zkstore.jute.JuteMaxBuffer;

/**
 * Walks the entries of one log file, verifying each frame (length, end byte, Adler32). A bad frame is
 * classified: if the file holds only zeros after it, or bytes that end within the longest frame that could
 * start there and contain no valid frame, it is a {@link TornTail}; otherwise {@link Corruption}. A zero
 * length followed only by zeros is the end of the file.
 *
 * <p>Everything is read with pread ({@link ReadWindow}), never through a mapping, so a file that shrinks
 * meanwhile ends the scan instead of the JVM; bytes cut away count as the zeros a trimmed tail held.
 */
final class FileScanner implements Closeable {
  private static final int ZERO_BLOCK = 64 * 1024;
  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(ZERO_BLOCK).asReadOnlyBuffer();

  private final LogFile file;
  private final String name;
  private final int maxPayload;
  private final ReadWindow window;
  private final int windowBytes;
  private final long size;
  private final Adler32 adler = new Adler32();
  private long next;
  private long entryOffset = -1;
  private int payloadLength;
  private long zxid;
  private int type;
  private ByteBuffer viewSource;
  private ByteBuffer view;
  private long lastValidZxid = -1;
  private LogDamage damage;
  private boolean done;
  private boolean headerNeverWritten;

  FileScanner(LogFile file, int maxPayload) throws IOException {
    this(file, maxPayload, ReadWindow.DEFAULT_BYTES);
  }

  /** A scanner reading {@code windowBytes} at a time (more where one frame needs it). */
  FileScanner(LogFile file, int maxPayload, int windowBytes) throws IOException {
    this.file = file;
    this.name = file.name();
    this.maxPayload = maxPayload;
    this.window = new ReadWindow(file.path(), windowBytes);
    this.windowBytes = windowBytes;
    this.size = window.size();
    checkHeader();
  }

  private void checkHeader() throws IOException {
    next = LogFormat.HEADER_SIZE;
    if (size == 0) {
      headerNeverWritten = true;
      done = true;
      return;
    }
    if (size < LogFormat.HEADER_SIZE) {
      damage = new TornTail(name, 0, null, -1, "file is " + size + " bytes, shorter than its 16-byte header");
      headerNeverWritten = allZero(0, size) || headerPrefix();
      done = true;
      return;
    }
    ByteBuffer b = window.cover(0, LogFormat.HEADER_SIZE);
    int magic = b.getInt(window.index(0));
    if (magic != LogFormat.MAGIC) {
      if (allZero(0, size)) {
        damage = new TornTail(name, 0, null, -1, "file holds only zeros, its header was never written");
        headerNeverWritten = true;
      } else {
        damage = new Corruption(name, 0, null, "magic", hex(LogFormat.MAGIC), hex(magic));
      }
      done = true;
    }
  }

  /** Whether the whole of this short file is the start of a log file header. */
  private boolean headerPrefix() throws IOException {
    ByteBuffer b = window.cover(0, (int) size);
    byte[] header = LogFormat.headerBytes();
    for (int k = 0; k < size; k++) {
      if (b.get(window.index(k)) != header[k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a crash left this file before its header reached the disk: it is empty, a prefix of the header, or
   * only zeros. Such a file holds no entry and never held a committed one.
   */
  boolean headerNeverWritten() {
    return headerNeverWritten;
  }

  /** Moves to the next valid entry; false at the end of the file or at damage (see {@link #damage()}). */
  boolean next() throws IOException {
    if (done) {
      return false;
    }
    long o = next;
    if (o + LogFormat.FRAME_PREFIX > size) {
      return end(o, "checksum and length", "12 bytes", (size - o) + " bytes before the end of the file");
    }
    ByteBuffer p = window.cover(o, LogFormat.FRAME_PREFIX);
    long checksum = p.getLong(window.index(o));
    int len = p.getInt(window.index(o) + 8);
    if (len == 0) {
      if (checksum == 0 && allZero(o, size)) {
        done = true;
        return false;
      }
      return fail(o, "length", "a payload length above 0", "0 followed by non-zero bytes");
    }
    if (len > maxPayload && intactFrame(o, checksum, len)) {
      damage = new Corruption(name, o, claimedZxid(o), "length", "at most " + maxPayload
          + " (the read limit, jute.maxbuffer + extrasize)", len + ", in an intact entry (its end byte and Adler32"
          + " match) that ZooKeeper reads with " + JuteMaxBuffer.readsWith(len));
      done = true;
      return false;
    }
    if (len < LogFormat.TXN_HEADER_SIZE || len > maxPayload) {
      return fail(o, "length", "32 to " + maxPayload, Integer.toString(len));
    }
    if (o + LogFormat.frameSize(len) > size) {
      return fail(o, "length", "at most " + (size - o - LogFormat.FRAME_OVERHEAD) + " (bytes left in the file)",
          Integer.toString(len));
    }
    if (LogFormat.frameSize(len) > windowBytes) {
      // Check a frame the window would have to grow for before growing it, so a damaged length costs no
      // buffer of that length (up to 2 GiB with a large jute.maxbuffer). The frame is checked again in the
      // buffer below: that copy is the one returned, and the file may have shrunk in between.
      byte eor = byteAt(o + LogFormat.FRAME_PREFIX + len);
      if (eor != LogFormat.END_OF_RECORD) {
        return fail(o, "end-of-record byte", hex8(LogFormat.END_OF_RECORD), hex8(eor));
      }
      long actual = FileAdler32.of(window.channel(), o + LogFormat.FRAME_PREFIX, len);
      if (actual != checksum && actual != -1) { // -1: the file shrank, and the read below sees the zeros
        return checksumMismatch(o, actual, checksum);
      }
    }
    ByteBuffer b = window.cover(o, (int) LogFormat.frameSize(len));
    int i = window.index(o);
    byte eor = b.get(i + LogFormat.FRAME_PREFIX + len);
    if (eor != LogFormat.END_OF_RECORD) {
      return fail(o, "end-of-record byte", hex8(LogFormat.END_OF_RECORD), hex8(eor));
    }
    long actual = adler(b, i + LogFormat.FRAME_PREFIX, len);
    if (actual != checksum) {
      return checksumMismatch(o, actual, checksum);
    }
    entryOffset = o;
    payloadLength = len;
    zxid = b.getLong(i + LogFormat.FRAME_PREFIX + LogFormat.ZXID_OFFSET_IN_PAYLOAD);
    type = b.getInt(i + LogFormat.FRAME_PREFIX + LogFormat.TYPE_OFFSET_IN_PAYLOAD);
    next = o + LogFormat.frameSize(len);
    lastValidZxid = zxid;
    return true;
  }

  /**
   * Whether a frame whose length is above the read limit is nevertheless whole: it fits in the file, ends with
   * the end-of-record byte and its payload matches its Adler32. Such an entry was logged, not torn, by a writer
   * with a larger limit, so it is never skipped as a torn tail.
   */
  private boolean intactFrame(long o, long checksum, int len) throws IOException {
    long payloadAt = o + LogFormat.FRAME_PREFIX;
    if ((checksum >>> 32) != 0 || payloadAt + len + 1 > size) {
      return false;
    }
    return byteAt(payloadAt + len) == LogFormat.END_OF_RECORD
        && FileAdler32.of(window.channel(), payloadAt, len) == checksum;
  }

  private boolean checksumMismatch(long o, long actual, long stored) throws IOException {
    return fail(o, "checksum", "0x" + Long.toHexString(actual) + " (Adler32 of the payload)",
        "0x" + Long.toHexString(stored));
  }

  /** The byte at file offset {@code at}, read alone; 0 past the end of the file as it is now. */
  private byte byteAt(long at) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    return window.read(at, one) == 1 ? one.get(0) : 0;
  }

  private long adler(ByteBuffer b, int from, int len) {
    if (b != viewSource) {
      viewSource = b;
      view = b.duplicate();
    }
    view.limit(from + len).position(from);
    adler.reset();
    adler.update(view);
    return adler.getValue();
  }

  private boolean end(long o, String field, String expected, String actual) throws IOException {
    if (allZero(o, size)) {
      done = true;
      return false;
    }
    return fail(o, field, expected, actual);
  }

  private boolean fail(long o, String field, String expected, String actual) throws IOException {
    done = true;
    Long claimed = claimedZxid(o);
    if (writtenPast(o)) {
      damage = new Corruption(name, o, claimed, field, expected, actual);
    } else {
      damage = new TornTail(name, o, claimed, lastValidZxid, field + " expected " + expected + ", found " + actual);
    }
    return false;
  }

  private Long claimedZxid(long o) throws IOException {
    long at = o + LogFormat.FRAME_PREFIX + LogFormat.ZXID_OFFSET_IN_PAYLOAD;
    if (at + 8 > size) {
      return null;
    }
    long z = window.cover(at, 8).getLong(window.index(at));
    return z == 0 ? null : z;
  }

  /**
   * Whether entries were written after the bad frame at {@code o}, which makes it corruption rather than a
   * torn tail: a non-zero byte beyond the longest frame that could start at {@code o}, or a complete,
   * checksum-valid frame starting inside that extent (see {@link LaterFrameSearch}; a search it cannot decide
   * counts as written past).
   */
  private boolean writtenPast(long o) throws IOException {
    long extentEnd = Math.min(size, o + LogFormat.frameSize(maxPayload));
    if (!allZero(extentEnd, size)) {
      return true;
    }
    long last = lastNonZero(o + 1, extentEnd);
    if (last <= o) {
      return false;
    }
    return new LaterFrameSearch(window, maxPayload).search(o + 1, last + 1) != LaterFrameSearch.Result.NO_FRAME;
  }

  /**
   * The offset of the last non-zero byte in {@code [from, to)}, or {@code from - 1} if there is none; bytes
   * past the end of the file as it is now count as zeros.
   */
  private long lastNonZero(long from, long to) throws IOException {
    long last = from - 1;
    for (long o = from; o < Math.min(to, window.endSeen()); o += ZERO_BLOCK) {
      int len = (int) Math.min(ZERO_BLOCK, to - o);
      if (!zeros(o, len)) {
        ByteBuffer b = window.cover(o, len);
        int i = window.index(o);
        for (int k = len - 1; k >= 0; k--) {
          if (b.get(i + k) != 0) {
            last = o + k;
            break;
          }
        }
      }
    }
    return last;
  }

  /** Whether {@code [from, to)} holds only zeros; bytes past the end of the file as it is now count as zeros. */
  private boolean allZero(long from, long to) throws IOException {
    for (long o = from; o < Math.min(to, window.endSeen()); o += ZERO_BLOCK) {
      if (!zeros(o, (int) Math.min(ZERO_BLOCK, to - o))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the {@code len} bytes (at most {@link #ZERO_BLOCK}) at file offset {@code o} are all zero. */
  private boolean zeros(long o, int len) throws IOException {
    ByteBuffer b = window.cover(o, len);
    int i = window.index(o);
    return b.duplicate().limit(i + len).position(i).mismatch(ZEROS.duplicate().limit(len)) == -1;
  }

  /** The current entry's payload, a view valid until the next call. */
  ByteBuffer payload() throws IOException {
    ByteBuffer b = window.cover(entryOffset, (int) LogFormat.frameSize(payloadLength));
    int i = window.index(entryOffset) + LogFormat.FRAME_PREFIX;
    ByteBuffer view = b.duplicate();
    view.limit(i + payloadLength).position(i);
    return view;
  }

  LogFile file() {
    return file;
  }

  long entryOffset() {
    return entryOffset;
  }

  int payloadLength() {
    return payloadLength;
  }

  long zxid() {
    return zxid;
  }

  /** The current entry's op type, from its TxnHeader. */
  int type() {
    return type;
  }

  /** Offset just after the current (last valid) entry. */
  long endOfEntries() {
    return next;
  }

  long lastValidZxid() {
    return lastValidZxid;
  }

  /** Damage that ended the file early, or null. */
  LogDamage damage() {
    return damage;
  }

  @Override
  public void close() throws IOException {
    window.close();
  }

  private static String hex(int v) {
    return "0x" + Integer.toHexString(v);
  }

  private static String hex8(byte v) {
    return String.format("0x%02x", v & 0xff);
  }
}
