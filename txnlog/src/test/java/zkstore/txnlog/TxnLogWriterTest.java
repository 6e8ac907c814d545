package zkstore.txnlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import zkstore.record.TxnCodec;
import zkstore.record.TxnRecord;

class TxnLogWriterTest {
  @TempDir
  Path dir;

  @Test
  void appendedTxnsReadBackEqualAcrossRollsAndFiles() throws Exception {
    Random rnd = new Random(Txns.seed("appendedTxnsReadBackEqualAcrossRollsAndFiles"));
    List<TxnRecord> txns = Txns.random(rnd, 1, 3000);
    TxnLogConfig cfg = TxnLogConfig.inLogDir(dir).withRollSizeBytes(200_000);
    try (TxnLogWriter w = TxnLogWriter.open(cfg)) {
      for (int i = 0; i < txns.size(); i++) {
        if (i % 2 == 0) {
          w.append(txns.get(i));
        } else {
          w.appendEncoded(TxnCodec.encodePayload(txns.get(i)));
        }
        if (i % 7 == 0) {
          w.commit();
        }
        if (i == 1000) {
          w.roll();
        }
      }
      w.commit();
      assertEquals(3000, w.lastZxid());
    }
    assertTrue(LogFiles.list(dir).size() > 3, "size limit and roll made several files");
    assertEquals(txns, Txns.readAll(dir, 1));
    assertEquals(txns.subList(1999, 3000), Txns.readAll(dir, 2000));
    assertEquals(3000, LastLoggedZxid.find(dir));
  }

  @Test
  void filesAreNamedByFirstZxidAndStartWithTheZooKeeperHeader() throws Exception {
    try (TxnLogWriter w = TxnLogWriter.open(TxnLogConfig.inLogDir(dir))) {
      w.append(Txns.setData(0x1f, 100));
      w.commit();
    }
    Path f = dir.resolve("log.1f");
    byte[] bytes = Files.readAllBytes(f);
    assertEquals("5a4b4c470000000200000000000000000", hex(bytes, 16) + "0");
    assertEquals(16 + 64 * 1024, bytes.length, "first growth makes the file 16 + one step, as ZooKeeper does");
  }

  @Test
  void reopenedWriterContinuesInANewFileAfterTheLastValidTxn() throws Exception {
    TxnLogConfig cfg = TxnLogConfig.inLogDir(dir);
    try (TxnLogWriter w = TxnLogWriter.open(cfg)) {
      for (long z = 1; z <= 10; z++) {
        w.append(Txns.setData(z, 100));
      }
      w.commit();
    }
    try (TxnLogWriter w = TxnLogWriter.open(cfg)) {
      assertEquals(10, w.lastZxid());
      assertNull(w.currentFile());
      assertThrows(IllegalArgumentException.class, () -> w.append(Txns.setData(10, 1)));
      w.append(Txns.setData(11, 100));
      w.commit();
      assertEquals(dir.resolve("log.b"), w.currentFile());
    }
    assertEquals(List.of("log.1", "log.b"), LogFiles.list(dir).stream().map(LogFile::name).toList());
    try (TxnLogReader r = TxnLogReader.open(dir, 1)) {
      int n = 0;
      while (r.next()) {
        n++;
      }
      assertEquals(11, n);
      assertInstanceOf(CleanEnd.class, r.outcome());
    }
  }

  @Test
  void concurrentCommittersShareForces() throws Exception {
    TxnLogConfig cfg = TxnLogConfig.inLogDir(dir);
    AtomicLong zxid = new AtomicLong();
    int threads = 4;
    int perThread = 200;
    try (TxnLogWriter w = TxnLogWriter.open(cfg)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        fs.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            synchronized (zxid) {
              w.append(Txns.setData(zxid.incrementAndGet(), 100));
            }
            w.commit();
          }
          return null;
        }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
      pool.shutdown();
      assertTrue(w.forceCount() <= threads * perThread);
      System.out.println("commits " + threads * perThread + ", forces " + w.forceCount());
    }
    assertEquals(threads * perThread, Txns.readAll(dir, 1).size());
  }

  @Test
  void anOpenFileRunsAheadOfZooKeepersLengthAndClosingTrimsItBack() throws Exception {
    assumeTrue(WriteWindow.posixWindows(), "the lead needs the posix windows and their prefault thread");
    TxnLogConfig cfg = TxnLogConfig.inLogDir(dir).withDurability(Durability.NO_FORCE)
        .withPreallocBytes(SegmentWriter.SMALL_STEP_BYTES);
    Path file = dir.resolve(LogFormat.fileName(1));
    long zooKeeperLength = LogFormat.HEADER_SIZE;
    long position = LogFormat.HEADER_SIZE;
    try (TxnLogWriter w = TxnLogWriter.open(cfg)) {
      for (long z = 1; z <= 600; z++) {
        TxnRecord t = Txns.setData(z, 1000);
        zooKeeperLength = org.apache.zookeeper.server.persistence.FilePadding.calculateFileSizeWithPadding(
            position, zooKeeperLength, cfg.preallocBytes());
        position += LogFormat.frameSize(TxnCodec.encodePayload(t).length);
        w.append(t);
      }
      w.commit();
      assertTrue(zooKeeperLength > 2 * cfg.preallocBytes(), "the test should cross two padding steps");
      assertTrue(Files.size(file) >= zooKeeperLength + SegmentWriter.SIZE_LEAD_BYTES / 2,
          "an open file runs ahead: " + Files.size(file) + " bytes, ZooKeeper's " + zooKeeperLength);
    }
    assertEquals(zooKeeperLength, Files.size(file), "a closed log has ZooKeeper's length");
    assertEquals(600, Txns.readAll(dir, 1).size());
  }

  @Test
  void largeTxnsBeyondThePreallocationStepAreWrittenWhole() throws Exception {
    TxnLogConfig cfg = TxnLogConfig.inLogDir(dir).withPreallocBytes(8192);
    List<TxnRecord> txns = new ArrayList<>();
    try (TxnLogWriter w = TxnLogWriter.open(cfg)) {
      for (long z = 1; z <= 20; z++) {
        TxnRecord t = Txns.setData(z, (int) (z % 3 == 0 ? 1_000_000 : 50));
        txns.add(t);
        w.append(t);
      }
      w.commit();
    }
    assertEquals(txns, Txns.readAll(dir, 1));
  }

  @Test
  void unforcedLogWithPagesFaultedAheadReadsBackAcrossWindowsAndLeavesZerosAfterTheLastTxn() throws Exception {
    TxnLogConfig cfg = TxnLogConfig.inLogDir(dir).withDurability(Durability.NO_FORCE).withMapWindowBytes(8L << 20);
    List<TxnRecord> txns = new ArrayList<>();
    long z = 1;
    try (TxnLogWriter w = TxnLogWriter.open(cfg)) {
      for (; z <= 2000; z++) {
        txns.add(Txns.setData(z, 100));
      }
      for (; z <= 2080; z++) {
        txns.add(Txns.setData(z, 1_000_000));
      }
      for (; z <= 6000; z++) {
        txns.add(Txns.setData(z, (int) (z % 1500)));
      }
      for (TxnRecord t : txns) {
        w.append(t);
      }
      w.commit();
    }
    assertEquals(txns, Txns.readAll(dir, 1));
    List<Path> files = LogFiles.list(dir).stream().map(LogFile::path).toList();
    assertEquals(1, files.size());
    long end = LogFormat.HEADER_SIZE;
    for (TxnRecord t : txns) {
      end += LogFormat.frameSize(TxnCodec.encodePayload(t).length);
    }
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(files.get(0))) {
      long size = ch.size();
      assertTrue(size > end && end > 64L << 20, "one file across several 8 MiB windows, preallocated past its last txn");
      java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate((int) (size - end));
      while (tail.hasRemaining() && ch.read(tail, end + tail.position()) > 0) {
        continue;
      }
      for (int i = 0; i < tail.capacity(); i++) {
        assertEquals(0, tail.get(i), "byte " + (end + i) + " after the last txn (" + end + ") of " + size);
      }
    }
  }

  /** With the default window and with 64 KiB windows, so commits also fall on either side of window moves. */
  @ParameterizedTest
  @ValueSource(longs = {TxnLogConfig.DEFAULT_MAP_WINDOW_BYTES, 64 << 10})
  void forcedLogWithWrittenPagesDroppedFromTheMappingReadsBackAfterEachCommit(long window) throws Exception {
    Random rnd = new Random(Txns.seed("forcedLogWithWrittenPagesDroppedFromTheMappingReadsBackAfterEachCommit"));
    List<TxnRecord> txns = Txns.random(rnd, 1, 1500);
    try (TxnLogWriter w = TxnLogWriter.open(TxnLogConfig.inLogDir(dir).withMapWindowBytes(window))) {
      for (int i = 0; i < txns.size(); i++) {
        w.append(txns.get(i));
        if (i % 97 == 0 || i % 13 == 0) {
          w.commit();
          if (i % 389 == 0) {
            assertEquals(txns.subList(0, i + 1), Txns.readAll(dir, 1));
          }
        }
      }
      w.commit();
      assertEquals(txns, Txns.readAll(dir, 1));
      w.append(Txns.setData(txns.size() + 1, 5000));
      w.commit();
    }
    assertEquals(txns.size() + 1, Txns.readAll(dir, 1).size());
  }

  @Test
  void mapWindowMustBeWholePagesThatAByteBufferCanAddress() {
    TxnLogConfig cfg = TxnLogConfig.inLogDir(dir);
    assertEquals(1L << 30, cfg.mapWindowBytes());
    assertThrows(IllegalArgumentException.class, () -> cfg.withMapWindowBytes(0));
    assertThrows(IllegalArgumentException.class, () -> cfg.withMapWindowBytes(5000));
    assertThrows(IllegalArgumentException.class, () -> cfg.withMapWindowBytes(2L << 30));
    assertEquals(4096, cfg.withMapWindowBytes(4096).mapWindowBytes());
  }

  @Test
  void writerMapsOneLargeWindowWhenPosixAndModuleAccessAreAvailable() {
    assertTrue(WriteWindow.posixWindows(), "tests run with the JVM flags, so the posix windows must be usable");
  }

  static String hex(byte[] b, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(String.format("%02x", b[i]));
    }
    return sb.toString();
  }

  /**
   * A forced log queues the pages its appends have finished for write-out without waiting for the commit; the
   * same log with early write-out off, written alongside as a control, leaves them dirty until its force.
   */
  @Test
  void forcedLogStartsWritingFinishedPagesBeforeTheCommit() throws Exception {
    assumeTrue(WriteWindow.posixWindows() && WritebackStarter.available(),
        "posix write windows or sync_file_range are not available here; the log forces everything at commit");
    Path forcedDir = Files.createDirectories(dir.resolve("forced"));
    Path controlDir = Files.createDirectories(dir.resolve("control"));
    long finished = 1 << 20;
    try (TxnLogWriter forced = TxnLogWriter.open(TxnLogConfig.inLogDir(forcedDir));
        TxnLogWriter control = TxnLogWriter.open(TxnLogConfig.inLogDir(controlDir).withEarlyWriteback(false))) {
      forced.append(Txns.setData(1, 100));
      forced.commit();
      control.append(Txns.setData(1, 100));
      control.commit();
      Path forcedFile = forced.currentFile();
      assumeTrue(CacheStat.supported(forcedFile), "cachestat(2) is not available (Linux 6.5+ on x86_64 needed)");
      for (long z = 2; z < 2 + 2 * finished / 1024; z++) {
        forced.append(Txns.setData(z, 1024));
        control.append(Txns.setData(z, 1024));
      }
      CacheStat stat = CacheStat.of(forcedFile, 0, finished);
      for (long deadline = System.nanoTime() + 10_000_000_000L;
          (stat.dirty() > 0 || stat.writeback() > 0) && System.nanoTime() < deadline; Thread.sleep(20)) {
        stat = CacheStat.of(forcedFile, 0, finished);
      }
      CacheStat controlStat = CacheStat.of(control.currentFile(), 0, finished);
      assumeTrue(controlStat.dirty() > 0 || controlStat.writeback() > 0, "the kernel wrote the control log out by "
          + "itself (" + controlStat + "), so this run cannot tell");
      assertEquals(new CacheStat(stat.cached(), 0, 0), stat, "the first MiB of the forced log, not yet committed");
      assertTrue(controlStat.dirty() >= (finished - 4096) / 4096, "early write-out off: " + controlStat);
      forced.commit();
      control.commit();
      CacheStat forcedControl = CacheStat.of(control.currentFile(), 0, finished);
      assertEquals(0, forcedControl.dirty() + forcedControl.writeback(), "the control after its force: " + forcedControl);
    }
    assertEquals(Txns.readAll(controlDir, 1), Txns.readAll(forcedDir, 1));
  }
}
