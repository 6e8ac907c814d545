package zkstore.txnlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.record.TxnCodec;
import zkstore.record.TxnRecord;

/**
 * A reader may scan the zero tail of a log that its writer trims meanwhile (closing trims the length a zkstore
 * writer ran ahead of ZooKeeper's). A mapped read of a page past the new end faults, so the reader must end
 * cleanly, whichever of its reads meets the new end.
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
