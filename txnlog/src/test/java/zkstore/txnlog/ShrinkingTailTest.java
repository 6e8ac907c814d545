package zkstore.txnlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.record.TxnCodec;
import zkstore.record.TxnRecord;

/**
 * A log file may shrink under an open reader: its zkstore writer trims the zero tail it ran ahead of
 * ZooKeeper's length when it closes the file, and ZooKeeper truncates a learner's log below its last entries
 * (TRUNC). A mapped read of a page past the new end faults, and a fault in a JIT stub or in native Adler32
 * kills the JVM, so the reader must end cleanly, whichever of its reads meets the new end, and never return a
 * partial entry.
 */
class ShrinkingTailTest {
  private static final long LONG_TAIL = 8L << 20;

  @TempDir
  Path dir;

  @Test
  void aZeroTailTrimmedWhileTheReaderIsOpenIsStillACleanEnd() throws Exception {
    TxnLogConfig cfg = TxnLogConfig.inLogDir(dir).withDurability(Durability.NO_FORCE);
    try (TxnLogWriter w = TxnLogWriter.open(cfg)) {
      for (long z = 1; z <= 3; z++) {
        w.append(Txns.setData(z, 100));
      }
      w.commit();
    }
    Path file = dir.resolve(LogFormat.fileName(1));
    long closedLength = Files.size(file);
    setLength(file, LONG_TAIL);
    try (TxnLogReader r = TxnLogReader.open(dir, 1)) {
      assertTrue(r.next());
      setLength(file, closedLength);
      int read = 1;
      while (r.next()) {
        read++;
      }
      assertEquals(3, read);
      assertInstanceOf(CleanEnd.class, r.outcome());
    }
  }

  /**
   * ZooKeeper's length is the end of the last entry when that entry ran past the padding; if that end is a
   * page boundary, the next frame prefix the reader looks at lies in a page that the trim removed. Repeated
   * so the reading code also runs compiled.
   */
  @Test
  void aTrimToAPageAlignedLastEntryIsACleanEnd() throws Exception {
    TxnRecord txn = entryEndingAt(WriteWindow.PAGE);
    try (TxnLogWriter w = TxnLogWriter.open(TxnLogConfig.inLogDir(dir).withDurability(Durability.NO_FORCE))) {
      w.append(txn);
      w.commit();
    }
    Path file = dir.resolve(LogFormat.fileName(1));
    for (int round = 0; round < 2000; round++) {
      setLength(file, LONG_TAIL);
      try (TxnLogReader r = TxnLogReader.open(dir, 1)) {
        assertTrue(r.next());
        setLength(file, WriteWindow.PAGE);
        assertEquals(false, r.next(), "round " + round);
        assertInstanceOf(CleanEnd.class, r.outcome(), "round " + round);
      }
    }
  }

  /**
   * Cuts a log below its last entries while a reader is in the middle of it, at seeded random offsets: the
   * reader returns entries equal to those written, at least every one wholly below the cut, and ends without
   * corruption (bytes it buffered before the cut may still be returned).
   */
  @Test
  void aLogCutBelowItsLastEntriesWhileBeingReadEndsTheReadCleanly() throws Exception {
    int count = 4000;
    List<byte[]> written = new ArrayList<>();
    try (TxnLogWriter w = TxnLogWriter.open(TxnLogConfig.inLogDir(dir).withDurability(Durability.NO_FORCE))) {
      for (long z = 1; z <= count; z++) {
        TxnRecord t = Txns.setData(z, 1024);
        written.add(TxnCodec.encodePayload(t));
        w.append(t);
      }
      w.commit();
    }
    Path file = dir.resolve(LogFormat.fileName(1));
    byte[] original = Files.readAllBytes(file);
    long[] ends = new long[count];
    long at = LogFormat.HEADER_SIZE;
    for (int i = 0; i < count; i++) {
      at += LogFormat.frameSize(written.get(i).length);
      ends[i] = at;
    }
    long seed = Txns.seed("aLogCutBelowItsLastEntriesWhileBeingReadEndsTheReadCleanly");
    Random rnd = new Random(seed);
    for (int round = 0; round < 40; round++) {
      Files.write(file, original);
      long cut = ends[20] + (long) (rnd.nextDouble() * (ends[count - 1] - ends[20]));
      if (round % 2 == 0) {
        cut -= cut % WriteWindow.PAGE;
      }
      String where = "round " + round + ", cut at " + cut + ", seed " + seed;
      try (TxnLogReader r = TxnLogReader.open(dir, 1)) {
        int read = 0;
        for (; read < 10; read++) {
          assertTrue(r.next(), where);
        }
        setLength(file, cut);
        while (r.next()) {
          assertArrayEquals(written.get(read), r.payloadBytes(), where + ", entry " + read);
          read++;
        }
        int whollyBelow = 0;
        while (whollyBelow < count && ends[whollyBelow] <= cut) {
          whollyBelow++;
        }
        assertTrue(read >= whollyBelow, where + ": read " + read + " of the " + whollyBelow + " below the cut");
        assertFalse(r.outcome() instanceof Corruption, where + ": " + r.outcome());
      }
    }
  }

  /**
   * The same through a scanner reading 4 KiB at a time, so most cuts land beyond what it has read: a cut at
   * every 61st byte of a log of 300 entries, each after the scanner has read its first entry. It reads every
   * entry wholly below the cut and nothing past it but what its first window held.
   */
  @Test
  void aScannerWithASmallWindowEndsCleanlyAtEveryCut() throws Exception {
    Random rnd = new Random(7);
    List<byte[]> written = new ArrayList<>();
    try (TxnLogWriter w = TxnLogWriter.open(TxnLogConfig.inLogDir(dir).withDurability(Durability.NO_FORCE))) {
      for (long z = 1; z <= 300; z++) {
        TxnRecord t = Txns.random(rnd, z);
        written.add(TxnCodec.encodePayload(t));
        w.append(t);
      }
      w.commit();
    }
    Path file = dir.resolve(LogFormat.fileName(1));
    byte[] original = Files.readAllBytes(file);
    long[] ends = new long[written.size()];
    long end = LogFormat.HEADER_SIZE;
    for (int i = 0; i < ends.length; i++) {
      end += LogFormat.frameSize(written.get(i).length);
      ends[i] = end;
    }
    LogFile log = LogFiles.list(dir).get(0);
    for (long cut = LogFormat.HEADER_SIZE; cut <= end; cut += 61) {
      Files.write(file, original);
      try (FileScanner s = new FileScanner(log, ReadOptions.defaults().maxPayloadBytes(), 4096)) {
        assertTrue(s.next());
        setLength(file, cut);
        int read = 1;
        long entriesEnd = s.endOfEntries();
        while (s.next()) {
          byte[] payload = new byte[s.payloadLength()];
          s.payload().get(payload);
          assertArrayEquals(written.get(read), payload, "cut at " + cut + ", entry " + read);
          entriesEnd = s.endOfEntries();
          read++;
        }
        long lastWhollyBelow = LogFormat.HEADER_SIZE;
        for (long e : ends) {
          lastWhollyBelow = e <= cut ? e : lastWhollyBelow;
        }
        assertTrue(entriesEnd >= lastWhollyBelow, "cut at " + cut + ": read to " + entriesEnd);
        // only the first window, read before the cut, can hold bytes from beyond it
        assertTrue(entriesEnd <= Math.max(cut, LogFormat.HEADER_SIZE + 4096), "cut at " + cut + ": read to " + entriesEnd);
        assertFalse(s.damage() instanceof Corruption, "cut at " + cut + ": " + s.damage());
      }
    }
  }

  /** A setData txn whose frame, after the file header, ends exactly at file offset {@code end}. */
  private static TxnRecord entryEndingAt(long end) {
    int data = (int) end;
    while (true) {
      TxnRecord t = Txns.setData(1, data);
      long frameEnd = LogFormat.HEADER_SIZE + LogFormat.frameSize(TxnCodec.encodePayload(t).length);
      if (frameEnd == end) {
        return t;
      }
      data -= (int) (frameEnd - end);
    }
  }

  private static void setLength(Path file, long length) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(length);
    }
  }
}
