package zkstore.txnlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.Adler32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.jute.FormatException;
import zkstore.jute.JuteMaxBuffer;
import zkstore.oracle.ChildJvm;

/**
 * How a bad frame is classified when what follows it is large: the search for entries written after it
 * looks at most one maximal frame ahead, streams that range once and computes candidates' checksums from
 * running sums, so big files of look-alike frames are classified in linear time and bounded memory.
 */
class DamageSearchTest {
  private static final int MAX_FRAME = (int) LogFormat.frameSize(LogFormat.DEFAULT_MAX_PAYLOAD);

  @TempDir
  Path dir;

  ReadOutcome readAll() throws IOException {
    try (TxnLogReader r = TxnLogReader.open(dir, 1)) {
      try {
        while (r.next()) {
          r.record();
        }
      } catch (FormatException e) {
        // the outcome says what it was
      }
      return r.outcome();
    }
  }

  /**
   * Bytes that look like frame after frame: every 16 bytes a zero checksum high half, a length of about
   * 1 MiB and, at the end of that length, an end-of-record byte; no checksum matches. Checked one candidate
   * at a time over its payload this was about 64 Ki candidates times 1 MiB of Adler32.
   */
  static byte[] lookAlikeFrames(int length) {
    byte[] b = new byte[length];
    ByteBuffer w = ByteBuffer.wrap(b);
    for (int i = 0; i + 16 <= length; i += 16) {
      w.putInt(i, 0).putInt(i + 4, 0x01020304).putInt(i + 8, 0x000FFFF0).putInt(i + 12, 0x42424242);
    }
    return b;
  }

  Path logWithBadEntryThen(byte[] after, int zeroTail) throws IOException {
    RawLog log = new RawLog().entries(1, 5);
    byte[] good = log.bytes(0);
    int bad = (int) (long) log.offsets().get(4);
    good[bad + 3] ^= 0x10; // the last entry's checksum
    byte[] file = new byte[good.length + after.length + zeroTail];
    System.arraycopy(good, 0, file, 0, good.length);
    System.arraycopy(after, 0, file, good.length, after.length);
    Path p = dir.resolve("log.1");
    Files.write(p, file);
    return p;
  }

  @Test
  void aBadFrameFollowedByAMaximalFrameOfLookAlikesAndZerosIsATornTail() throws Exception {
    logWithBadEntryThen(lookAlikeFrames(MAX_FRAME - 400), 8 << 20);
    TornTail t = assertInstanceOf(TornTail.class, readAll());
    assertEquals(4, t.lastValidZxid());
  }

  @Test
  void aBadFrameFollowedByMegabytesOfLookAlikesIsCorruption() throws Exception {
    logWithBadEntryThen(lookAlikeFrames(48 << 20), 4096);
    Corruption c = assertInstanceOf(Corruption.class, readAll());
    assertEquals("checksum", c.field());
  }

  @Test
  void aValidFrameHiddenAmongLookAlikesMakesItCorruption() throws Exception {
    byte[] after = lookAlikeFrames(1 << 20);
    RawLog valid = new RawLog().entry(6);
    byte[] frame = java.util.Arrays.copyOfRange(valid.bytes(0), LogFormat.HEADER_SIZE, valid.bytes(0).length);
    System.arraycopy(frame, 0, after, 700_001, frame.length);
    logWithBadEntryThen(after, 4096);
    assertInstanceOf(Corruption.class, readAll());
  }

  @Test
  void theStreamingSearchAgreesWithCheckingEveryPositionDirectly() throws Exception {
    long seed = Txns.seed("laterFrameSearch");
    Random rnd = new Random(seed);
    int maxPayload = 600;
    for (int round = 0; round < 400; round++) {
      byte[] bytes = rangeWithPlantedFrames(rnd, maxPayload);
      int from = rnd.nextInt(40);
      int end = bytes.length - rnd.nextInt(40);
      Path p = dir.resolve("range" + round);
      Files.write(p, bytes);
      LaterFrameSearch.Result expected = hasFrameByBruteForce(bytes, from, end, maxPayload)
          ? LaterFrameSearch.Result.FRAME : LaterFrameSearch.Result.NO_FRAME;
      try (ReadWindow w = new ReadWindow(p, 4096)) {
        for (int chunk : new int[] {1, 7, 100, 1 << 20}) {
          LaterFrameSearch search = new LaterFrameSearch(w, maxPayload, LaterFrameSearch.MAX_PENDING, chunk);
          assertEquals(expected, search.search(from, end),
              "seed " + seed + " round " + round + " chunk " + chunk + " range " + from + " to " + end);
        }
      }
    }
  }

  /** Random bytes, half of them zeros so that frame prefixes abound, with whole and spoiled frames planted. */
  private static byte[] rangeWithPlantedFrames(Random rnd, int maxPayload) {
    byte[] b = new byte[200 + rnd.nextInt(3000)];
    for (int i = 0; i < b.length; i++) {
      b[i] = rnd.nextBoolean() ? 0 : (byte) rnd.nextInt(256);
    }
    for (int f = rnd.nextInt(4); f > 0; f--) {
      int len = LogFormat.TXN_HEADER_SIZE + rnd.nextInt(maxPayload - LogFormat.TXN_HEADER_SIZE + 1);
      if (LogFormat.frameSize(len) > b.length) {
        continue;
      }
      int at = rnd.nextInt(b.length - (int) LogFormat.frameSize(len) + 1);
      byte[] payload = new byte[len];
      rnd.nextBytes(payload);
      Adler32 sum = new Adler32();
      sum.update(payload);
      ByteBuffer.wrap(b, at, LogFormat.FRAME_PREFIX).putLong(sum.getValue()).putInt(len);
      System.arraycopy(payload, 0, b, at + LogFormat.FRAME_PREFIX, len);
      b[at + LogFormat.FRAME_PREFIX + len] = LogFormat.END_OF_RECORD;
      if (rnd.nextBoolean()) {
        b[at + LogFormat.FRAME_PREFIX + rnd.nextInt(len + 1)] ^= (byte) (1 << rnd.nextInt(8));
      }
    }
    return b;
  }

  private static boolean hasFrameByBruteForce(byte[] b, int from, int end, int maxPayload) {
    ByteBuffer w = ByteBuffer.wrap(b);
    for (int p = from; p + LogFormat.FRAME_PREFIX <= end; p++) {
      int len = w.getInt(p + 8);
      if (w.getInt(p) != 0 || len < LogFormat.TXN_HEADER_SIZE || len > maxPayload
          || p + LogFormat.frameSize(len) > end || b[p + LogFormat.FRAME_PREFIX + len] != LogFormat.END_OF_RECORD) {
        continue;
      }
      Adler32 sum = new Adler32();
      sum.update(b, p + LogFormat.FRAME_PREFIX, len);
      if (sum.getValue() == (w.getInt(p + 4) & 0xffffffffL)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void tooManyPendingCandidatesLeaveTheSearchUndecided() throws Exception {
    Path p = dir.resolve("lookalikes");
    int length = 3 << 20; // look-alike frames of about 1 MiB pend 64 Ki at a time
    Files.write(p, lookAlikeFrames(length));
    int maxPayload = LogFormat.DEFAULT_MAX_PAYLOAD;
    try (ReadWindow w = new ReadWindow(p, 4096)) {
      assertEquals(LaterFrameSearch.Result.UNDECIDED,
          new LaterFrameSearch(w, maxPayload, 1000, 1 << 16).search(0, length));
      assertEquals(LaterFrameSearch.Result.NO_FRAME, new LaterFrameSearch(w, maxPayload).search(0, length));
    }
  }

  /**
   * With a read limit of 256 MiB, a bad frame followed by 64 MiB of bytes that end inside the longest frame is
   * classified in a child JVM of 32 MiB heap; a search that held the range and its sums in memory needed about
   * 320 MiB.
   */
  @Test
  void aLargeReadLimitClassifiesADamagedTailInBoundedMemory() throws Exception {
    Path log = logWithBadEntryThen(new byte[0], 0);
    long seed = Txns.seed("boundedSearch");
    Random rnd = new Random(seed);
    byte[] chunk = new byte[1 << 20];
    try (var out = Files.newOutputStream(log, java.nio.file.StandardOpenOption.APPEND)) {
      for (int i = 0; i < 64; i++) {
        rnd.nextBytes(chunk);
        out.write(chunk);
      }
      out.write(new byte[4096]);
    }
    List<String> out = ChildJvm.run(List.of("-Xmx32m"), ClassifyLog.class, dir.toString(),
        Integer.toString(128 << 20));
    assertEquals(List.of("TornTail 4"), out, "seed " + seed);
  }

  /**
   * A length flipped to 100 MiB in a 110 MiB file, read with a limit of 256 MiB: the frame's end byte is checked
   * before a buffer of that length is allocated, in a child JVM with 32 MiB of heap and of direct memory.
   */
  @Test
  void aDamagedLengthWithinALargeLimitAllocatesNoBufferOfThatLength() throws Exception {
    RawLog log = new RawLog().entries(1, 5);
    byte[] bytes = log.bytes(0);
    int third = (int) (long) log.offsets().get(2);
    ByteBuffer.wrap(bytes).putInt(third + 8, 100 << 20);
    Path file = dir.resolve("log.1");
    Files.write(file, bytes);
    try (var raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(110L << 20);
    }
    List<String> out = ChildJvm.run(List.of("-Xmx32m", "-XX:MaxDirectMemorySize=32m"), ClassifyLog.class,
        dir.toString(), Integer.toString(128 << 20));
    assertEquals(List.of("Corruption end-of-record byte at " + third), out);
  }

  /** Reads a log directory with a given jute.maxbuffer and prints the outcome: type, then zxid or field. */
  public static final class ClassifyLog {
    public static void main(String[] args) throws IOException {
      ReadOptions options = ReadOptions.defaults().withLimits(JuteMaxBuffer.of(Integer.parseInt(args[1])));
      try (TxnLogReader r = TxnLogReader.open(Path.of(args[0]), 1, options)) {
        try {
          while (r.next()) {
            r.record();
          }
        } catch (FormatException e) {
          // the outcome says what it was
        }
        ReadOutcome outcome = r.outcome();
        String detail = outcome instanceof TornTail t ? Long.toString(t.lastValidZxid())
            : outcome instanceof Corruption c ? c.field() + " at " + c.offset() : "";
        System.out.println(outcome.getClass().getSimpleName() + " " + detail);
      }
    }
  }
}
