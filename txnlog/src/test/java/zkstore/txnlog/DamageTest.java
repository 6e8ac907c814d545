package zkstore.txnlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.jute.FormatException;

/** Torn tails and corruption: each fault gives its own outcome and loses nothing before it. */
class DamageTest {
  private static final int ENTRIES = 12;
  private static final int TAIL = 4096;

  @TempDir
  Path dir;

  /** Reads everything; returns the zxids returned and the outcome. */
  record Result(List<Long> zxids, ReadOutcome outcome, FormatException error) {}

  Result readAll(long from, ReadOptions options) throws IOException {
    List<Long> zxids = new java.util.ArrayList<>();
    try (TxnLogReader r = TxnLogReader.open(dir, from, options)) {
      FormatException error = null;
      try {
        while (r.next()) {
          r.record();
          zxids.add(r.zxid());
        }
      } catch (FormatException e) {
        error = e;
      }
      return new Result(zxids, r.outcome(), error);
    }
  }

  Result readAll() throws IOException {
    return readAll(1, ReadOptions.defaults());
  }

  static List<Long> range(long from, long to) {
    return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
  }

  @Test
  void flippedBitInAnyByteOfTheLastEntryIsATornTailAndEarlierOnesAreCorruption() throws Exception {
    RawLog log = new RawLog().entries(1, ENTRIES);
    byte[] clean = log.bytes(TAIL);
    List<Long> offs = log.offsets();
    Random rnd = new Random(Txns.seed("flippedBit"));
    Path file = dir.resolve("log.1");
    int checked = 0;
    for (int e = ENTRIES - 3; e < ENTRIES; e++) {
      int start = offs.get(e).intValue();
      int end = e + 1 < ENTRIES ? offs.get(e + 1).intValue() : clean.length - TAIL;
      for (int at = start; at < end; at++) {
        int bits = e == ENTRIES - 1 && at - start < LogFormat.FRAME_PREFIX ? 8 : 1;
        for (int k = 0; k < bits; k++) {
          byte[] damaged = clean.clone();
          int bit = bits == 8 ? k : rnd.nextInt(8);
          damaged[at] ^= (byte) (1 << bit);
          Files.write(file, damaged);
          Result r = readAll();
          String where = "entry " + (e + 1) + " byte " + (at - start) + " bit " + bit;
          assertEquals(range(1, e), r.zxids(), where);
          if (e == ENTRIES - 1) {
            TornTail t = assertInstanceOf(TornTail.class, r.outcome(), where);
            assertEquals(start, t.offset(), where);
            assertEquals(e, t.lastValidZxid(), where);
          } else {
            Corruption c = assertInstanceOf(Corruption.class, r.outcome(), where);
            assertEquals(start, c.offset(), where);
            assertEquals("log.1", c.file());
            assertTrue(r.error() != null && r.error().offset() == start, where);
          }
          checked++;
        }
      }
    }
    System.out.println("damaged variants checked: " + checked);
  }

  @Test
  void lastEntryCutAtEveryOffsetIsATornTailWithOrWithoutAZeroTail() throws Exception {
    RawLog log = new RawLog().entries(1, ENTRIES);
    byte[] clean = log.bytes(0);
    int start = log.offsets().get(ENTRIES - 1).intValue();
    Path file = dir.resolve("log.1");
    for (int cut = start; cut < clean.length; cut++) {
      for (int tail : new int[] {0, TAIL}) {
        byte[] b = new byte[cut + tail];
        System.arraycopy(clean, 0, b, 0, cut);
        Files.write(file, b);
        Result r = readAll();
        String where = "cut at " + cut + " tail " + tail;
        assertEquals(range(1, ENTRIES - 1), r.zxids(), where);
        boolean onlyZerosLanded = java.util.stream.IntStream.range(start, cut).allMatch(i -> clean[i] == 0);
        if (onlyZerosLanded) {
          assertInstanceOf(CleanEnd.class, r.outcome(), where + ": only zero bytes of the entry landed");
        } else {
          assertEquals(start, assertInstanceOf(TornTail.class, r.outcome(), where).offset(), where);
        }
      }
    }
  }

  @Test
  void hugeOrNegativeLengthIsCorruptionInTheMiddleAndATornTailAtTheEnd() throws Exception {
    RawLog log = new RawLog().entries(1, ENTRIES);
    byte[] clean = log.bytes(TAIL);
    for (int len : new int[] {-1, -2, Integer.MIN_VALUE, 2_097_151, Integer.MAX_VALUE, 5}) {
      for (int e : new int[] {4, ENTRIES - 1}) {
        byte[] b = clean.clone();
        ByteBuffer.wrap(b).putInt(log.offsets().get(e).intValue() + 8, len);
        Files.write(dir.resolve("log.1"), b);
        Result r = readAll();
        assertEquals(range(1, e), r.zxids(), "length " + len + " in entry " + (e + 1));
        if (e == ENTRIES - 1) {
          assertInstanceOf(TornTail.class, r.outcome());
        } else {
          Corruption c = assertInstanceOf(Corruption.class, r.outcome());
          assertEquals("length", c.field());
          assertEquals(Integer.toString(len), c.actual());
        }
      }
    }
  }

  @Test
  void zxidGapBetweenFilesIsCorruptionAfterEverythingBeforeIt() throws Exception {
    new RawLog().entries(1, 10).write(dir, 1, TAIL);
    new RawLog().entries(12, 20).write(dir, 12, TAIL);
    Result r = readAll();
    assertEquals(range(1, 10), r.zxids());
    Corruption c = assertInstanceOf(Corruption.class, r.outcome());
    assertEquals("log.c", c.file());
    assertEquals(16, c.offset());
    assertEquals(12L, c.zxid());
    assertTrue(c.expected().startsWith("0xb"), c.expected());
    assertEquals(range(12, 20), readAll(12, ReadOptions.defaults()).zxids(), "a gap before the start is no error");
    assertEquals(19, readAll(1, ReadOptions.defaults().withCheckZxidContinuity(false)).zxids().size());
  }

  @Test
  void zxidGoingBackwardsIsCorruption() throws Exception {
    new RawLog().entries(1, 5).entry(3).entries(6, 8).write(dir, 1, TAIL);
    Result r = readAll();
    assertEquals(range(1, 5), r.zxids());
    assertEquals("zxid", assertInstanceOf(Corruption.class, r.outcome()).field());
  }

  @Test
  void newEpochIsNoGap() throws Exception {
    new RawLog().entries(1, 5).entries((1L << 32) + 1, (1L << 32) + 3).write(dir, 1, TAIL);
    Result r = readAll();
    assertEquals(8, r.zxids().size());
    assertInstanceOf(CleanEnd.class, r.outcome());
  }

  @Test
  void tornTailInAnOlderFileIsSkippedAndTheNextFileContinues() throws Exception {
    byte[] first = new RawLog().entries(1, 6).bytes(TAIL);
    RawLog full = new RawLog().entries(1, 7);
    int cut = full.offsets().get(6).intValue() + 30;
    byte[] torn = new byte[cut + TAIL];
    System.arraycopy(full.bytes(0), 0, torn, 0, cut);
    Files.write(dir.resolve("log.1"), torn);
    new RawLog().entries(7, 9).write(dir, 7, TAIL);
    Result r = readAll();
    assertEquals(range(1, 9), r.zxids());
    assertInstanceOf(CleanEnd.class, r.outcome());
    assertEquals(first.length - TAIL, full.offsets().get(6).intValue());
  }

  @Test
  void badMagicIsCorruptionAndAnAllZeroOrEmptyFileIsNot() throws Exception {
    new RawLog().entries(1, 3).write(dir, 1, TAIL);
    Files.write(dir.resolve("log.4"), new byte[TAIL]);
    Result r = readAll();
    assertEquals(range(1, 3), r.zxids());
    assertInstanceOf(TornTail.class, r.outcome());
    Files.write(dir.resolve("log.4"), new byte[0]);
    assertInstanceOf(CleanEnd.class, readAll().outcome());
    byte[] bad = new RawLog().entries(4, 5).bytes(TAIL);
    bad[0] = 0x00;
    Files.write(dir.resolve("log.4"), bad);
    assertEquals("magic", assertInstanceOf(Corruption.class, readAll().outcome()).field());
  }

  @Test
  void nonZeroBytesAfterAZeroLengthAreNotMistakenForTheEnd() throws Exception {
    RawLog log = new RawLog().entries(1, 5);
    byte[] b = log.bytes(TAIL);
    byte[] withHole = new byte[b.length + 200];
    int hole = log.offsets().get(2).intValue();
    System.arraycopy(b, 0, withHole, 0, hole);
    System.arraycopy(b, hole, withHole, hole + 200, b.length - hole);
    Files.write(dir.resolve("log.1"), withHole);
    Result r = readAll();
    assertEquals(range(1, 2), r.zxids());
    assertEquals(hole, assertInstanceOf(Corruption.class, r.outcome()).offset());
  }

  @Test
  void corruptionBeforeTheStartZxidStillStopsTheRead() throws Exception {
    byte[] b = new RawLog().entries(1, 10).bytes(TAIL);
    b[100] ^= 1;
    Files.write(dir.resolve("log.1"), b);
    Result r = readAll(8, ReadOptions.defaults());
    assertEquals(List.of(), r.zxids());
    assertInstanceOf(Corruption.class, r.outcome());
    assertThrows(FormatException.class, () -> LastLoggedZxid.find(dir));
    try (TxnLogWriter w = TxnLogWriter.open(TxnLogConfig.inLogDir(dir))) {
      fail("a writer must not open over a corrupt newest file");
    } catch (FormatException expected) {
      // expected
    }
  }

  @Test
  void aPayloadLimitNoFrameCanHoldIsRefusedUpFront() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ReadOptions(Integer.MAX_VALUE, true));
    assertTrue(e.getMessage().contains("not 2147483647"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ReadOptions(LogFormat.TXN_HEADER_SIZE - 1, true));
    assertEquals(ReadOptions.LARGEST_MAX_PAYLOAD,
        new ReadOptions(ReadOptions.LARGEST_MAX_PAYLOAD, true).maxPayloadBytes());
  }
}
