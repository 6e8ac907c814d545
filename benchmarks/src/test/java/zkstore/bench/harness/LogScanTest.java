package zkstore.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.record.TxnHeader;
import zkstore.record.TxnRecord;
import zkstore.txnlog.Durability;
import zkstore.txnlog.TxnLogConfig;
import zkstore.txnlog.TxnLogWriter;

class LogScanTest {
  @TempDir
  Path dir;

  /**
   * A mapping left to the GC keeps a deleted log's pages until the Reference Handler unmaps it, during some
   * later benchmark; the scan must leave nothing mapped.
   */
  @Test
  void scanningALogLeavesNoMappingOfIt() throws Exception {
    Path maps = Path.of("/proc/self/maps");
    assumeTrue(Files.isReadable(maps), "needs /proc/self/maps to see the process's mappings");
    try (TxnLogWriter w = TxnLogWriter.open(TxnLogConfig.inLogDir(dir).withDurability(Durability.NO_FORCE))) {
      for (long zxid = 1; zxid <= 100; zxid++) {
        w.append(new TxnRecord(new TxnHeader(1, (int) zxid, zxid, 0, -11), null, null));
      }
      w.commit();
    }
    Work w = LogScan.scanDirectory(dir);
    assertEquals(100, w.items());
    String log = dir.resolve("log.1").toString();
    assertFalse(Files.readString(maps).contains(log), log + " is still mapped after the scan");
  }

  /** Logs past 2 GiB are scanned a window at a time; small windows must give the same answer as one. */
  @Test
  void scanningInWindowsGivesTheSameWorkAsOneMapping() throws Exception {
    java.util.Random rnd = new java.util.Random(7);
    try (TxnLogWriter w = TxnLogWriter.open(TxnLogConfig.inLogDir(dir).withDurability(Durability.NO_FORCE))) {
      for (long zxid = 1; zxid <= 3000; zxid++) {
        byte[] data = new byte[rnd.nextInt(3000)];
        rnd.nextBytes(data);
        w.append(new TxnRecord(new TxnHeader(1, (int) zxid, zxid, 0, 5),
            new zkstore.record.SetDataTxn("/n" + zxid, data, 1), null));
      }
      w.commit();
    }
    Path log = dir.resolve("log.1");
    Work whole = LogScan.scanFile(log);
    assertEquals(3000, whole.items());
    for (long window : new long[] {1 << 20, (1 << 20) + 4097, 64 << 10}) {
      assertEquals(whole, LogScan.scanFile(log, window), "windows of " + window + " bytes");
    }
  }
}
