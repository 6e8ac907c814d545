package zkstore.txnlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader may scan the zero tail of a log that its writer trims meanwhile (closing trims the length a zkstore
 * writer ran ahead of ZooKeeper's). Reading a mapped page past the new end faults; the reader must end cleanly.
 */
class ShrinkingTailTest {
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
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(8L << 20);
    }
    try (TxnLogReader r = TxnLogReader.open(dir, 1)) {
      assertTrue(r.next());
      try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
        f.setLength(closedLength);
      }
      int read = 1;
      while (r.next()) {
        read++;
      }
      assertEquals(3, read);
      assertInstanceOf(CleanEnd.class, r.outcome());
    }
  }
}
