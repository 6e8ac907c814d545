package zkstore.txnlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.zookeeper.server.Request;
import org.apache.zookeeper.server.persistence.FileTxnLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.jute.FormatException;
import zkstore.jute.JuteMaxBuffer;
import zkstore.oracle.ChildJvm;
import zkstore.record.TxnCodec;
import zkstore.record.TxnRecord;

/**
 * Txns above ZooKeeper's default jute.maxbuffer, as a ZooKeeper started with a larger {@code -Djute.maxbuffer}
 * logs them. ZooKeeper's side runs in a child JVM, since its archive reads the setting once per JVM.
 */
class LargeTxnTest {
  private static final JuteMaxBuffer FOUR_MIB = JuteMaxBuffer.of(4 << 20);
  private static final int BIG_DATA = 3 << 20;

  @TempDir
  Path dir;

  @AfterEach
  void restoreZooKeeperDefaultPrealloc() {
    FileTxnLog.setPreallocSize(TxnLogConfig.ZOOKEEPER_PREALLOC_BYTES);
  }

  /** Small txns with one of 3 MiB at {@code bigZxid}. */
  private static List<TxnRecord> txns(int count, long bigZxid) {
    List<TxnRecord> txns = new ArrayList<>();
    for (long z = 1; z <= count; z++) {
      txns.add(Txns.setData(z, z == bigZxid ? BIG_DATA : 100));
    }
    return txns;
  }

  @Test
  void anIntactEntryAboveTheLimitIsCorruptionThatNamesTheSettingItNeeds() throws Exception {
    writeWithZooKeeper(dir, txns(6, 6), 1);
    Path file = dir.resolve("log.1");
    byte[] before = Files.readAllBytes(file);
    int bigPayload = TxnCodec.encodePayload(Txns.setData(6, BIG_DATA)).length;
    try (TxnLogReader r = TxnLogReader.open(dir, 1)) {
      for (long z = 1; z <= 5; z++) {
        assertTrue(r.next());
        assertEquals(z, r.zxid());
      }
      FormatException e = assertThrows(FormatException.class, r::next);
      Corruption c = assertInstanceOf(Corruption.class, r.outcome());
      assertEquals(6L, c.zxid());
      assertEquals("length", c.field());
      assertTrue(e.getMessage().contains("intact entry") && e.getMessage().contains(
          "jute.maxbuffer=" + JuteMaxBuffer.maxBufferFor(bigPayload) + " or more"), e.getMessage());
    }
    assertThrows(FormatException.class, () -> LastLoggedZxid.find(dir));
    assertThrows(FormatException.class, () -> TxnLogWriter.open(TxnLogConfig.inLogDir(dir)));
    assertArrayEquals(before, Files.readAllBytes(file), "a refused read changes nothing");
  }

  @Test
  void aCutEntryAboveTheLimitAtTheEndIsStillATornTail() throws Exception {
    writeWithZooKeeper(dir, txns(6, 6), 1);
    Path file = dir.resolve("log.1");
    long sixAt;
    try (TxnLogReader r = TxnLogReader.open(dir, 1, ReadOptions.defaults().withLimits(FOUR_MIB))) {
      while (r.next() && r.zxid() < 6) {
        // walk to the big entry
      }
      sixAt = r.offset();
    }
    try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
      ch.truncate(sixAt + 12 + BIG_DATA / 2);
    }
    for (ReadOptions options : List.of(ReadOptions.defaults(), ReadOptions.defaults().withLimits(FOUR_MIB))) {
      try (TxnLogReader r = TxnLogReader.open(dir, 1, options)) {
        int n = 0;
        while (r.next()) {
          n++;
        }
        assertEquals(5, n);
        assertInstanceOf(TornTail.class, r.outcome(), "limit " + options.maxPayloadBytes());
      }
    }
  }

  @Test
  void withTheLimitRaisedEveryTxnReadsAsZooKeeperWithTheSameSettingReadsIt() throws Exception {
    List<TxnRecord> txns = txns(8, 6);
    writeWithZooKeeper(dir, txns, 3);
    List<String> ours = new ArrayList<>();
    try (TxnLogReader r = TxnLogReader.open(dir, 1, ReadOptions.defaults().withLimits(FOUR_MIB))) {
      int i = 0;
      while (r.next()) {
        assertEquals(txns.get(i++), r.record());
        ours.add(line(r.zxid(), r.payloadBytes()));
      }
      assertEquals(txns.size(), i);
      assertInstanceOf(CleanEnd.class, r.outcome());
    }
    ours.add("end");
    assertEquals(ours, zooKeeperReads(dir, "-Djute.maxbuffer=" + FOUR_MIB.maxBuffer()));
    List<String> defaults = new ArrayList<>(ours.subList(0, 5));
    defaults.add("failed Unreasonable length = " + TxnCodec.encodePayload(txns.get(5)).length);
    assertEquals(defaults, zooKeeperReads(dir), "ZooKeeper with the default setting");
  }

  @Test
  void aWriterWithTheRaisedLimitLogsWhatZooKeeperWithTheSameSettingReads() throws Exception {
    List<TxnRecord> txns = txns(5, 3);
    assertThrows(IllegalArgumentException.class, () -> {
      try (TxnLogWriter w = TxnLogWriter.open(TxnLogConfig.inLogDir(dir.resolve("default")))) {
        w.append(txns.get(2));
      }
    });
    List<String> expected = new ArrayList<>();
    try (TxnLogWriter w = TxnLogWriter.open(TxnLogConfig.inLogDir(dir).withLimits(FOUR_MIB))) {
      for (TxnRecord t : txns) {
        w.append(t);
        expected.add(line(t.zxid(), TxnCodec.encodePayload(t)));
      }
      w.commit();
    }
    expected.add("end");
    assertEquals(expected, zooKeeperReads(dir, "-Djute.maxbuffer=" + FOUR_MIB.maxBuffer()));
    try (TxnLogWriter w = TxnLogWriter.open(TxnLogConfig.inLogDir(dir).withLimits(FOUR_MIB))) {
      assertEquals(5, w.lastZxid());
    }
  }

  /**
   * ZooKeeper's FileTxnLog appends the setData txns, built as its own records: its deserializer, which the
   * other compatibility tests convert through, refuses data above this JVM's default limit.
   */
  private static void writeWithZooKeeper(Path dir, List<TxnRecord> txns, int commitEvery) throws IOException {
    List<Request> requests = new ArrayList<>();
    for (TxnRecord t : txns) {
      zkstore.record.TxnHeader h = t.header();
      zkstore.record.SetDataTxn body = (zkstore.record.SetDataTxn) t.body();
      org.apache.zookeeper.txn.TxnHeader zh =
          new org.apache.zookeeper.txn.TxnHeader(h.clientId(), h.cxid(), h.zxid(), h.time(), h.type());
      Request req = new Request(h.clientId(), h.cxid(), h.type(), zh,
          new org.apache.zookeeper.txn.SetDataTxn(body.path(), body.data(), body.version()), h.zxid());
      req.setTxnDigest(new org.apache.zookeeper.txn.TxnDigest(t.digest().version(), t.digest().treeDigest()));
      requests.add(req);
    }
    ZooKeeperCompatibilityTest.writeRequestsWithZooKeeper(dir, requests, 64 * 1024, commitEvery);
  }

  private static String line(long zxid, byte[] payload) {
    CRC32 crc = new CRC32();
    crc.update(payload);
    return zxid + " " + payload.length + " " + crc.getValue();
  }

  private static List<String> zooKeeperReads(Path dir, String... flags) throws Exception {
    return ChildJvm.run(List.of(flags), ZooKeeperLogDigest.class, dir.toString(), "1");
  }
}
