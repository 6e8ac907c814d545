package zkstore.txnlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.zookeeper.server.persistence.FileTxnLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.record.TxnRecord;

class LogTruncationTest {
  @TempDir
  Path tmp;

  @AfterEach
  void restoreZooKeeperDefaultPrealloc() {
    FileTxnLog.setPreallocSize(TxnLogConfig.ZOOKEEPER_PREALLOC_BYTES);
  }

  @Test
  void truncateGivesTheSameFilesAsZooKeepersTruncate() throws Exception {
    List<TxnRecord> txns = Txns.random(new Random(Txns.seed("truncate")), 1, 2000);
    for (long z : new long[] {1, 3, 699, 700, 701, 1500, 2000}) {
      Path zk = Files.createTempDirectory(tmp, "zk");
      Path ours = Files.createTempDirectory(tmp, "ours");
      ZooKeeperCompatibilityTest.writeWithZooKeeper(zk, txns, 8192, 10);
      ZooKeeperCompatibilityTest.writeWithZooKeeper(ours, txns, 8192, 10);
      FileTxnLog zkLog = new FileTxnLog(zk.toFile());
      zkLog.truncate(z);
      zkLog.close();
      LogTruncation.Report report = LogTruncation.truncate(ours, z);
      assertEquals(z, report.keptZxid());
      List<LogFile> a = LogFiles.list(zk);
      List<LogFile> b = LogFiles.list(ours);
      assertEquals(a.stream().map(LogFile::name).toList(), b.stream().map(LogFile::name).toList(), "zxid " + z);
      for (int i = 0; i < a.size(); i++) {
        assertArrayEquals(Files.readAllBytes(a.get(i).path()), Files.readAllBytes(b.get(i).path()), "zxid " + z);
      }
      assertEquals(txns.subList(0, (int) z), Txns.readAll(ours, 1));
      assertEquals(z, LastLoggedZxid.find(ours));
    }
  }

  @Test
  void truncateToAnAbsentZxidKeepsTheNextLargerEntry() throws Exception {
    new RawLog().entries(1, 3).entry(5).write(tmp, 1, 4096);
    LogTruncation.Report r = LogTruncation.truncate(tmp, 4, ReadOptions.defaults().withCheckZxidContinuity(false));
    assertEquals(5, r.keptZxid());
  }

  @Test
  void truncateBeyondTheLastEntryFailsAndChangesNothing() throws Exception {
    Path f = new RawLog().entries(1, 5).write(tmp, 1, 4096);
    byte[] before = Files.readAllBytes(f);
    assertThrows(IOException.class, () -> LogTruncation.truncate(tmp, 6));
    assertArrayEquals(before, Files.readAllBytes(f));
  }

  @Test
  void writerContinuesAfterATruncate() throws Exception {
    TxnLogConfig cfg = TxnLogConfig.inLogDir(tmp);
    try (TxnLogWriter w = TxnLogWriter.open(cfg)) {
      for (long z = 1; z <= 50; z++) {
        w.append(Txns.setData(z, 10));
        if (z == 20) {
          w.roll();
        }
      }
    }
    LogTruncation.truncate(tmp, 10);
    try (TxnLogWriter w = TxnLogWriter.open(cfg)) {
      assertEquals(10, w.lastZxid());
      for (long z = 11; z <= 30; z++) {
        w.append(Txns.setData(z, 10));
      }
      w.commit();
    }
    assertEquals(30, Txns.readAll(tmp, 1).size());
  }
}
