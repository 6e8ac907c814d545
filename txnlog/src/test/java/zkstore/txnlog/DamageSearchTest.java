package zkstore.txnlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.Adler32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.jute.FormatException;

/**
 * How a bad frame is classified when what follows it is large: the search for entries written after it
 * looks at most one maximal frame ahead and computes candidates' checksums from prefix sums, so big files
 * of look-alike frames are classified in linear time.
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
  void prefixSumAdlerEqualsAdler32OnRandomRanges() throws Exception {
    long seed = Txns.seed("prefixSumAdler");
    Random rnd = new Random(seed);
    byte[] bytes = new byte[300_000];
    rnd.nextBytes(bytes);
    for (int i = 0; i < 50_000; i++) {
      bytes[rnd.nextInt(bytes.length)] = (byte) (rnd.nextBoolean() ? 0 : 0xff);
    }
    int from = 1000;
    byte[] range = java.util.Arrays.copyOfRange(bytes, from, bytes.length);
    FileScanner.AdlerPrefix sums = new FileScanner.AdlerPrefix(range, range.length);
    for (int k = 0; k < 2000; k++) {
      int off = from + rnd.nextInt(bytes.length - from);
      int len = rnd.nextInt(bytes.length - off + 1);
      Adler32 a = new Adler32();
      a.update(bytes, off, len);
      assertEquals(a.getValue(), sums.adler(off - from, len), "seed " + seed + " range " + off + "+" + len);
    }
  }
}
