package zkstore.txnlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.zookeeper.server.Request;
import org.apache.zookeeper.server.TxnLogEntry;
import org.apache.zookeeper.server.persistence.FileTxnLog;
import org.apache.zookeeper.server.persistence.TxnLog.TxnIterator;
import org.apache.zookeeper.server.persistence.Util;
import org.apache.zookeeper.server.util.SerializeUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import zkstore.record.TxnCodec;
import zkstore.record.TxnRecord;

/** Differential tests against ZooKeeper 3.9.3's own FileTxnLog. */
class ZooKeeperCompatibilityTest {
  private static final int ROLL_EVERY = 700;

  @TempDir
  Path zkDir;

  @TempDir
  Path ourDir;

  @AfterEach
  void restoreZooKeeperDefaultPrealloc() {
    FileTxnLog.setPreallocSize(TxnLogConfig.ZOOKEEPER_PREALLOC_BYTES);
  }

  @Test
  void logsWrittenByZooKeeperReadBackWithEveryFieldEqual() throws Exception {
    List<TxnRecord> txns = Txns.random(new Random(Txns.seed("zkWrites")), 1, 2000);
    writeWithZooKeeper(zkDir, txns, 64 * 1024, 10);
    try (TxnLogReader r = TxnLogReader.open(zkDir, 1)) {
      int i = 0;
      while (r.next()) {
        assertEquals(txns.get(i), r.record(), "txn " + i);
        i++;
      }
      assertEquals(txns.size(), i);
      assertInstanceOf(CleanEnd.class, r.outcome());
    }
    assertEquals(txns.subList(1233, txns.size()), Txns.readAll(zkDir, 1234));
    assertEquals(2000, LastLoggedZxid.find(zkDir));
  }

  @Test
  void logsWrittenByZkstoreReadByZooKeeperWithEveryFieldEqual() throws Exception {
    List<TxnRecord> txns = Txns.random(new Random(Txns.seed("zkstoreWrites")), 1, 2000);
    writeWithZkstore(ourDir, txns, 64 * 1024, 13);
    FileTxnLog zk = new FileTxnLog(ourDir.toFile());
    TxnIterator it = zk.read(1);
    int i = 0;
    while (it.getHeader() != null) {
      byte[] payload = Util.marshallTxnEntry(it.getHeader(), it.getTxn(), it.getDigest());
      assertEquals(txns.get(i), TxnCodec.decodePayload(payload), "txn " + i);
      i++;
      if (!it.next()) {
        break;
      }
    }
    it.close();
    assertEquals(txns.size(), i);
    assertEquals(2000, zk.getLastLoggedZxid());
    zk.close();
  }

  /**
   * Both durabilities: an unforced log with steps below {@link SegmentWriter#SMALL_STEP_BYTES} has each step
   * faulted in by the appending thread, which must not change a byte.
   */
  @Test
  void sameTxnsAndPreallocationGiveByteIdenticalFiles() throws Exception {
    for (long prealloc : new long[] {8192, 64 * 1024, 1 << 20}) {
      Path zk = Files.createTempDirectory(zkDir, "zk");
      List<TxnRecord> txns = Txns.random(new Random(Txns.seed("byteIdentical" + prealloc)), 1, 1500);
      writeWithZooKeeper(zk, txns, prealloc, 1);
      List<LogFile> zkFiles = LogFiles.list(zk);
      for (Durability durability : Durability.values()) {
        Path ours = Files.createTempDirectory(ourDir, "ours");
        writeWithZkstore(ours, txns, prealloc, 1, durability);
        List<LogFile> ourFiles = LogFiles.list(ours);
        assertEquals(names(zkFiles), names(ourFiles));
        for (int f = 0; f < zkFiles.size(); f++) {
          assertArrayEquals(Files.readAllBytes(zkFiles.get(f).path()), Files.readAllBytes(ourFiles.get(f).path()),
              zkFiles.get(f).name() + " with preallocation " + prealloc + ", " + durability);
        }
      }
    }
  }

  /**
   * ZooKeeper pads from the position of its last commit, zkstore from the position of the last append
   * (it must never write past its reserved space), so with batched commits the lengths of the zero tails
   * may differ; every byte up to the shorter length is equal and the rest is zeros.
   */
  @Test
  void batchedCommitsGiveIdenticalBytesUpToTheZeroTail() throws Exception {
    List<TxnRecord> txns = Txns.random(new Random(Txns.seed("batchedIdentical")), 1, 2000);
    writeWithZooKeeper(zkDir, txns, 64 * 1024, 10);
    writeWithZkstore(ourDir, txns, 64 * 1024, 13);
    List<LogFile> zkFiles = LogFiles.list(zkDir);
    List<LogFile> ourFiles = LogFiles.list(ourDir);
    assertEquals(names(zkFiles), names(ourFiles));
    for (int f = 0; f < zkFiles.size(); f++) {
      byte[] a = Files.readAllBytes(zkFiles.get(f).path());
      byte[] b = Files.readAllBytes(ourFiles.get(f).path());
      int common = Math.min(a.length, b.length);
      assertArrayEquals(java.util.Arrays.copyOf(a, common), java.util.Arrays.copyOf(b, common), zkFiles.get(f).name());
      byte[] longer = a.length > b.length ? a : b;
      for (int i = common; i < longer.length; i++) {
        assertEquals(0, longer[i], "zero tail at " + i);
      }
    }
  }

  private static void assertSameTxns(List<TxnRecord> expected, List<TxnRecord> actual, String what) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals(expected.get(i), actual.get(i), what + ", txn " + i);
    }
    assertEquals(expected.size(), actual.size(), what);
  }

  private static List<String> names(List<LogFile> files) {
    return files.stream().map(LogFile::name).toList();
  }

  @Test
  void oracleTxnsOfEveryKindPassThroughBothLogsUnchanged() throws Exception {
    List<TxnRecord> txns = Txns.fromOracle(Txns.seed("oracleTxns"), 1, 800);
    Path zk = Files.createTempDirectory(zkDir, "zk");
    Path ours = Files.createTempDirectory(ourDir, "ours");
    writeWithZooKeeper(zk, txns, 64 * 1024, 1);
    writeWithZkstore(ours, txns, 64 * 1024, 1);
    assertSameTxns(txns, Txns.readAll(zk, 1), "zkstore reading ZooKeeper's log");
    assertSameTxns(txns, readWithZooKeeper(ours, 1), "ZooKeeper reading zkstore's log");
    List<LogFile> a = LogFiles.list(zk);
    List<LogFile> b = LogFiles.list(ours);
    assertEquals(names(a), names(b));
    for (int f = 0; f < a.size(); f++) {
      assertArrayEquals(Files.readAllBytes(a.get(f).path()), Files.readAllBytes(b.get(f).path()), a.get(f).name());
    }
  }

  static void writeWithZooKeeper(Path dir, List<TxnRecord> txns, long prealloc, int commitEvery)
      throws IOException {
    List<Request> requests = new ArrayList<>(txns.size());
    for (TxnRecord t : txns) {
      TxnLogEntry e = SerializeUtils.deserializeTxn(TxnCodec.encodePayload(t));
      Request req = new Request(e.getHeader().getClientId(), e.getHeader().getCxid(), e.getHeader().getType(),
          e.getHeader(), e.getTxn(), e.getHeader().getZxid());
      req.setTxnDigest(e.getDigest());
      requests.add(req);
    }
    writeRequestsWithZooKeeper(dir, requests, prealloc, commitEvery);
  }

  /** ZooKeeper's FileTxnLog appends {@code requests}, committing every {@code commitEvery} and rolling as above. */
  static void writeRequestsWithZooKeeper(Path dir, List<Request> requests, long prealloc, int commitEvery)
      throws IOException {
    FileTxnLog.setPreallocSize(prealloc);
    FileTxnLog log = new FileTxnLog(dir.toFile());
    for (int i = 0; i < requests.size(); i++) {
      if (i > 0 && i % ROLL_EVERY == 0) {
        log.rollLog();
      }
      log.append(requests.get(i));
      if (i % commitEvery == commitEvery - 1) {
        log.commit();
      }
    }
    log.commit();
    log.close();
  }

  static void writeWithZkstore(Path dir, List<TxnRecord> txns, long prealloc, int commitEvery)
      throws IOException {
    writeWithZkstore(dir, txns, prealloc, commitEvery, Durability.FORCE);
  }

  static void writeWithZkstore(Path dir, List<TxnRecord> txns, long prealloc, int commitEvery,
      Durability durability) throws IOException {
    TxnLogConfig config = TxnLogConfig.inLogDir(dir).withPreallocBytes(prealloc).withDurability(durability);
    try (TxnLogWriter w = TxnLogWriter.open(config)) {
      for (int i = 0; i < txns.size(); i++) {
        if (i > 0 && i % ROLL_EVERY == 0) {
          w.roll();
        }
        w.append(txns.get(i));
        if (i % commitEvery == commitEvery - 1) {
          w.commit();
        }
      }
      w.commit();
    }
  }

  /**
   * A crash while a new file was being started leaves it without a header: empty, cut inside the header, or only
   * the reserved zeros. ZooKeeper stops on such a file unless it is the newest (and then only an empty one), so a
   * reopened writer that went on in a file of another name, here in a new epoch, must not leave it behind.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 10, 64 * 1024})
  void aFileLeftWithoutAHeaderByACrashIsRemovedWhenTheWriterReopens(int zeroBytes, @TempDir Path dir) throws Exception {
    List<TxnRecord> txns = new ArrayList<>();
    for (long z = 1; z <= 10; z++) {
      txns.add(Txns.setData(z, 100));
    }
    writeWithZkstore(dir, txns, TxnLogConfig.DEFAULT_PREALLOC_BYTES, 5);
    Path unfinished = dir.resolve("log.b");
    byte[] header = LogFormat.headerBytes();
    Files.write(unfinished, zeroBytes <= header.length ? java.util.Arrays.copyOf(header, zeroBytes) : new byte[zeroBytes]);
    TxnRecord nextEpoch = Txns.setData((1L << 32) + 1, 100);
    try (TxnLogWriter w = TxnLogWriter.open(TxnLogConfig.inLogDir(dir))) {
      assertEquals(List.of(unfinished), w.removedOnOpen());
      w.append(nextEpoch);
      w.commit();
    }
    assertFalse(Files.exists(unfinished));
    txns.add(nextEpoch);
    assertSameTxns(txns, readWithZooKeeper(dir, 1), "ZooKeeper reading every file");
  }

  @Test
  void aHeaderOnlyNewestFileIsKeptWhenTheWriterReopens(@TempDir Path dir) throws Exception {
    writeWithZkstore(dir, List.of(Txns.setData(1, 100)), TxnLogConfig.DEFAULT_PREALLOC_BYTES, 1);
    Path headerOnly = Files.write(dir.resolve("log.2"), LogFormat.headerBytes());
    try (TxnLogWriter w = TxnLogWriter.open(TxnLogConfig.inLogDir(dir))) {
      assertEquals(List.of(), w.removedOnOpen());
      w.append(Txns.setData(3, 100));
      w.commit();
    }
    assertTrue(Files.exists(headerOnly));
    assertEquals(List.of(1L, 3L), readWithZooKeeper(dir, 1).stream().map(t -> t.header().zxid()).toList());
  }

  static List<TxnRecord> readWithZooKeeper(Path dir, long from) throws IOException {
    List<TxnRecord> out = new ArrayList<>();
    FileTxnLog zk = new FileTxnLog(dir.toFile());
    TxnIterator it = zk.read(from);
    while (it.getHeader() != null) {
      out.add(TxnCodec.decodePayload(Util.marshallTxnEntry(it.getHeader(), it.getTxn(), it.getDigest())));
      if (!it.next()) {
        break;
      }
    }
    it.close();
    zk.close();
    return out;
  }
}
