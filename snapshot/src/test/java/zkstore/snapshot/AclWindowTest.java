package zkstore.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.record.Acl;
import zkstore.record.CreateTxn;
import zkstore.record.Id;
import zkstore.record.OpCode;
import zkstore.record.SetAclTxn;
import zkstore.record.TxnBody;
import zkstore.record.TxnHeader;
import zkstore.record.TxnRecord;
import zkstore.tree.ApplyMode;
import zkstore.tree.DataTree;

/**
 * ACL entries created after the ACL map was written (during the walk of a fuzzy snapshot): neither the zkstore
 * writer nor the loader leaves a dangling key, and reload plus replay equals the live tree.
 */
class AclWindowTest {
  @TempDir
  Path tmp;

  private static final List<Acl> OLD = List.of(new Acl(0x1f, new Id("digest", "old:x")));
  private static final List<Acl> NEW1 = List.of(new Acl(0x03, new Id("digest", "new1:x")));
  private static final List<Acl> NEW2 = List.of(new Acl(0x01, new Id("ip", "10.9.9.9")));

  private static TxnRecord txn(long zxid, int type, TxnBody body) {
    return new TxnRecord(new TxnHeader(0, (int) zxid, zxid, 1_700_000_000_000L + zxid, type), body, null);
  }

  private static final List<TxnRecord> BEFORE = List.of(
      txn(1, OpCode.CREATE, new CreateTxn("/a", new byte[] {1}, Acl.OPEN_ACL_UNSAFE, false, -1)),
      txn(2, OpCode.CREATE, new CreateTxn("/b", new byte[] {2}, OLD, false, -1)),
      txn(3, OpCode.CREATE, new CreateTxn("/b/c", new byte[] {3}, OLD, false, -1)));
  private static final List<TxnRecord> WINDOW = List.of(
      txn(4, OpCode.CREATE, new CreateTxn("/a/new", new byte[] {4}, NEW1, false, 1)),
      txn(5, OpCode.CREATE, new CreateTxn("/a/new/child", new byte[] {5}, NEW1, false, 1)),
      txn(6, OpCode.SET_ACL, new SetAclTxn("/b", NEW2, 1)));

  private static DataTree treeOf(List<TxnRecord> txns) {
    DataTree t = new DataTree();
    txns.forEach(t::apply);
    return t;
  }

  private static DataTree replayWindow(DataTree restored) {
    for (TxnRecord t : WINDOW) {
      restored.apply(t, ApplyMode.REPLAY);
    }
    return restored;
  }

  @Test
  void writerLeavesOutNewNodesAndMasksReplacedAclsSoReplayRestoresThem() throws Exception {
    DataTree live = treeOf(BEFORE);
    TreeSnapshotSource source = new TreeSnapshotSource(live);
    SnapshotSource windowAfterMap = new SnapshotSource() {
      @Override
      public long lastProcessedZxid() {
        return source.lastProcessedZxid();
      }

      @Override
      public Map<Long, Integer> sessions() {
        return source.sessions();
      }

      @Override
      public Map<Long, List<Acl>> aclMap() {
        Map<Long, List<Acl>> map = source.aclMap();
        WINDOW.forEach(live::apply);
        return map;
      }

      @Override
      public void walk(NodeOutput out) throws IOException {
        source.walk(out);
      }

      @Override
      public SnapshotDigest digest() {
        return source.digest();
      }
    };
    SnapshotWriteResult w = new SnapshotWriter().write(tmp, windowAfterMap);
    assertEquals(3, w.zxid());
    assertEquals(2, source.skippedNodes());
    assertEquals(1, source.placeholderAcls());
    TreeSnapshots.Loaded loaded = TreeSnapshots.load(w.file().path());
    assertEquals(0, loaded.result().nodesWithUnknownAclKey());
    DataTree restored = replayWindow(loaded.tree());
    assertEquals(live.digest(), restored.digest());
    assertEquals(live.acl("/b"), restored.acl("/b"));
    assertEquals(live.acl("/a/new/child"), restored.acl("/a/new/child"));
    assertEquals(ZkTreeView.of(live), ZkTreeView.of(restored));
  }

  @Test
  void danglingKeysInAZooKeeperStyleFuzzySnapshotLoadAndReplayToTheLiveTree() throws Exception {
    DataTree live = treeOf(BEFORE);
    MemTree file = new MemTree();
    file.acls.putAll(live.aclCache().entries());
    WINDOW.forEach(live::apply);
    live.walk(r -> file.nodes.put(r.path(), new MemTree.Node(r.path(), r.data(), r.aclKey(), r.stat())));
    file.lastProcessedZxid = 3;
    SnapshotWriteResult w = new SnapshotWriter().write(tmp, file);

    TreeSnapshots.Loaded loaded = TreeSnapshots.load(w.file().path());
    assertEquals(3, loaded.result().nodesWithUnknownAclKey());
    assertEquals(2, loaded.nodesLeftOut());
    assertEquals(1, loaded.aclPlaceholders());
    DataTree restored = replayWindow(loaded.tree());
    assertEquals(live.digest(), restored.digest());
    assertEquals(ZkTreeView.of(live), ZkTreeView.of(restored));
  }

  /** Nodes with data, stat and ACL list (not key), for comparing trees whose keys may differ. */
  static final class ZkTreeView {
    static Map<String, String> of(DataTree t) throws IOException {
      Map<String, String> out = new java.util.TreeMap<>();
      t.walk(r -> out.put(r.path(), MemTree.describe(r.data(), r.stat(), r.acl().stream().map(Acl::toString).toList())));
      return out;
    }
  }
}
