package zkstore.txnlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Looks for a complete, checksum-valid frame inside a byte range of a log file: the sign that entries were written
 * after a bad frame, which makes the bad frame corruption rather than a torn tail.
 *
 * <p>The range is read once, front to back, one chunk at a time, so memory does not grow with the read limit (the
 * range can be as long as the longest frame, 2 GiB with a large {@code jute.maxbuffer}). A position whose 12 bytes
 * look like a frame prefix becomes a pending candidate, keyed by where its end-of-record byte would be; when the
 * scan reaches that byte, the candidate's Adler32 comes from running sums in constant time, so a run of look-alike
 * frames cannot make the search quadratic. Pending candidates are capped: past {@link #MAX_PENDING} the search gives
 * up as {@link Result#UNDECIDED}, which a caller must treat as "written past", the answer that loses nothing.
 */
final class LaterFrameSearch {
  /** What the search found. */
  enum Result {
    FRAME,
    NO_FRAME,
    UNDECIDED
  }

  /** About 16 MiB of candidates; a range of the default read limit holds at most about 175 Ki of them. */
  static final int MAX_PENDING = 1 << 20;
  private static final int MOD = 65521;
  private static final int CHUNK_BYTES = 1 << 20;
  private static final int LOOKAHEAD = LogFormat.FRAME_PREFIX - 1;

  private final ReadWindow window;
  private final int maxPayload;
  private final int maxPending;
  private final int chunkBytes;
  private final PendingHeap pending = new PendingHeap();
  /** Sum of the bytes before the scan position, mod 65521. */
  private long sum;
  /** Sum of (index * byte) before the scan position, indices relative to the range start, mod 65521. */
  private long weighted;

  LaterFrameSearch(ReadWindow window, int maxPayload) {
    this(window, maxPayload, MAX_PENDING, CHUNK_BYTES);
  }

  /** A search that gives up past {@code maxPending} candidates and reads {@code chunkBytes} at a time. */
  LaterFrameSearch(ReadWindow window, int maxPayload, int maxPending, int chunkBytes) {
    this.window = window;
    this.maxPayload = maxPayload;
    this.maxPending = maxPending;
    this.chunkBytes = chunkBytes;
  }

  /** Searches file bytes {@code [from, end)}; bytes the file no longer has count as zeros. */
  Result search(long from, long end) throws IOException {
    sum = 0;
    weighted = 0;
    pending.clear();
    long n = end - from;
    byte[] chunk = new byte[(int) Math.min(chunkBytes + LOOKAHEAD, n)];
    ByteBuffer buffer = ByteBuffer.wrap(chunk);
    for (long start = 0; start < n; start += chunkBytes) {
      int filled = (int) Math.min(chunk.length, n - start);
      buffer.clear().limit(filled);
      int read = window.read(from + start, buffer);
      Arrays.fill(chunk, read, filled, (byte) 0);
      int scanned = (int) Math.min(chunkBytes, n - start);
      for (int k = 0; k < scanned; k++) {
        long at = start + k;
        while (pending.size() > 0 && pending.minEnd() == at) {
          long packed = pending.popPacked();
          if (chunk[k] == LogFormat.END_OF_RECORD && checksumMatches(packed, at)) {
            return Result.FRAME;
          }
        }
        if (k + LogFormat.FRAME_PREFIX <= filled && prefixAt(buffer, k, at, n)) {
          if (pending.size() >= maxPending) {
            return Result.UNDECIDED;
          }
          addCandidate(buffer, k, at);
        }
        int b = chunk[k] & 0xff;
        sum = (sum + b) % MOD;
        weighted = (weighted + (at % MOD) * b) % MOD;
      }
    }
    return Result.NO_FRAME;
  }

  /** Whether the bytes at {@code k} could start a frame that ends inside the range of {@code n} bytes. */
  private boolean prefixAt(ByteBuffer buffer, int k, long at, long n) {
    if (buffer.getInt(k) != 0) {
      return false; // an Adler32 held in a long has a zero upper half
    }
    int len = buffer.getInt(k + 8);
    return len >= LogFormat.TXN_HEADER_SIZE && len <= maxPayload && at + LogFormat.frameSize(len) <= n;
  }

  /**
   * Pends the candidate at {@code k}. Its Adler32 is A = 1 + S(end) - S(start) and
   * B = len + end * (S(end) - S(start)) - (W(end) - W(start)), where S and W are the running sums at a payload
   * bound; everything but S(end) and W(end) is known now, so the heap keeps the expected checksum, S(start) and
   * the constant part of B in one long.
   */
  private void addCandidate(ByteBuffer buffer, int k, long at) {
    long s = sum;
    long w = weighted;
    for (int j = 0; j < LogFormat.FRAME_PREFIX; j++) {
      int b = buffer.get(k + j) & 0xff;
      s = (s + b) % MOD;
      w = (w + ((at + j) % MOD) * b) % MOD;
    }
    int len = buffer.getInt(k + 8);
    long end = at + LogFormat.FRAME_PREFIX + len;
    long constant = Math.floorMod(len % MOD + w - (end % MOD) * s, MOD);
    long expected = buffer.getInt(k + 4) & 0xffffffffL;
    pending.add(end, expected << 32 | s << 16 | constant);
  }

  /** Whether the pending candidate whose payload ends at {@code end} (exclusive) has its expected Adler32. */
  private boolean checksumMatches(long packed, long end) {
    long expected = packed >>> 32;
    long startSum = (packed >>> 16) & 0xffff;
    long constant = packed & 0xffff;
    long a = Math.floorMod(1 + sum - startSum, MOD);
    long b = Math.floorMod(constant + (end % MOD) * sum - weighted, MOD);
    return (b << 16 | a) == expected;
  }

  /** A binary min-heap of (payload end, packed sums) in two primitive arrays. */
  private static final class PendingHeap {
    private long[] ends = new long[1024];
    private long[] values = new long[1024];
    private int size;

    int size() {
      return size;
    }

    void clear() {
      size = 0;
    }

    long minEnd() {
      return ends[0];
    }

    void add(long end, long value) {
      if (size == ends.length) {
        ends = Arrays.copyOf(ends, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (ends[parent] <= end) {
          break;
        }
        ends[i] = ends[parent];
        values[i] = values[parent];
        i = parent;
      }
      ends[i] = end;
      values[i] = value;
    }

    /** Removes the entry with the smallest end and returns its value. */
    long popPacked() {
      long top = values[0];
      size--;
      long end = ends[size];
      long value = values[size];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && ends[child + 1] < ends[child]) {
          child++;
        }
        if (ends[child] >= end) {
          break;
        }
        ends[i] = ends[child];
        values[i] = values[child];
        i = child;
      }
      ends[i] = end;
      values[i] = value;
      return top;
    }
  }
}
