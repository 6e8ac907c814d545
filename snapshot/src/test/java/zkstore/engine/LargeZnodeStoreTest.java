package zkstore.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.jute.JuteMaxBuffer;
import zkstore.oracle.ChildJvm;
import zkstore.record.Acl;
import zkstore.record.CreateTxn;
import zkstore.record.OpCode;
import zkstore.record.SetDataTxn;
import zkstore.record.TxnBody;
import zkstore.record.TxnHeader;
import zkstore.record.TxnRecord;
import zkstore.txnlog.Durability;

/**
 * A store holding znodes above ZooKeeper's default jute.maxbuffer, as a ZooKeeper started with a larger
 * {@code -Djute.maxbuffer} keeps them: in a snapshot (5 MiB, more than the reader's 4 MiB buffer) and in the log
 * (6 MiB). ZooKeeper's side runs in a child JVM, since its archive reads the setting once per JVM.
 */
class LargeZnodeStoreTest {
  private static final JuteMaxBuffer EIGHT_MIB = JuteMaxBuffer.of(8 << 20);

  @TempDir
  Path dir;

  private static TxnRecord txn(long zxid, int type, TxnBody body) {
    return new TxnRecord(new TxnHeader(0, (int) zxid, zxid, 1_700_000_000_000L + zxid, type), body, null);
  }

  private static byte[] data(int bytes, int seed) {
    byte[] d = new byte[bytes];
    for (int i = 0; i < d.length; i++) {
      d[i] = (byte) (i * 31 + seed);
    }
    return d;
  }

  /** Writes the store with the raised setting and returns the engine's live tree. */
  private TreeView writeStore() throws IOException {
    EngineConfig config = EngineConfig.of(dir).withEmptyStart(true).withJuteMaxBuffer(EIGHT_MIB)
        .withDurability(Durability.NO_FORCE);
    try (StorageEngine engine = StorageEngine.open(config)) {
      engine.apply(txn(1, OpCode.CREATE, new CreateTxn("/big", data(5 << 20, 1), Acl.OPEN_ACL_UNSAFE, false, -1)));
      engine.apply(txn(2, OpCode.CREATE, new CreateTxn("/small", data(10, 2), Acl.OPEN_ACL_UNSAFE, false, -1)));
      engine.commit();
      engine.snapshotNow();
      engine.apply(txn(3, OpCode.SET_DATA, new SetDataTxn("/big", data(6 << 20, 3), 1)));
      engine.apply(txn(4, OpCode.CREATE, new CreateTxn("/big2", data(3 << 20, 4), Acl.OPEN_ACL_UNSAFE, false, -1)));
      engine.commit();
      return ZkstoreView.of(engine.tree(), engine.lastZxid());
    }
  }

  @Test
  void withTheSameSettingZkstoreAndZooKeeperRestoreTheLiveTree() throws Exception {
    TreeView live = writeStore();
    assertEquals(4, live.lastZxid());
    assertEquals(6 << 20, live.nodes().get("/big").data().length() / 2);
    RestoreReport report;
    try (StorageEngine engine = StorageEngine.open(EngineConfig.of(dir).withJuteMaxBuffer(EIGHT_MIB))) {
      assertEquals(List.of(), live.differences(ZkstoreView.of(engine.tree(), engine.lastZxid())));
      report = engine.restoreReport();
    }
    assertEquals(2, ((RestoreReport.FromSnapshot) report.start()).zxid(), report.describe());
    assertEquals(ZooKeeperRestoreProbe.summary(live),
        zooKeeperRestores("-Djute.maxbuffer=" + EIGHT_MIB.maxBuffer()));
  }

  @Test
  void withTheDefaultSettingBothRefuseAndZkstoreNamesTheSettingAndChangesNothing() throws Exception {
    writeStore();
    Map<String, byte[]> before = files();
    IOException e = assertThrows(IOException.class, () -> StorageEngine.open(EngineConfig.of(dir)));
    assertTrue(e.getMessage().contains("log.1 at offset 16") && e.getMessage().contains("snapshot.2: does not verify")
        && e.getMessage().contains("jute.maxbuffer=2621478 or more"), e.getMessage());
    Map<String, byte[]> after = files();
    assertEquals(before.keySet(), after.keySet());
    before.forEach((name, bytes) -> assertTrue(java.util.Arrays.equals(bytes, after.get(name)), name + " changed"));
    List<String> zk = zooKeeperRestores();
    assertEquals(1, zk.size(), zk.toString());
    assertTrue(zk.get(0).startsWith("failed") && zk.get(0).contains("Unreasonable length"), zk.toString());
  }

  private Map<String, byte[]> files() throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir.resolve("version-2"))) {
      for (Path p : s.toList()) {
        out.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  private List<String> zooKeeperRestores(String... flags) throws Exception {
    return ChildJvm.run(List.of(flags), ZooKeeperRestoreProbe.class, dir.toString(), dir.toString());
  }
}
