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
}
