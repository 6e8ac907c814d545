package zkstore.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.StatPersisted;
import org.apache.zookeeper.server.DataNode;
import org.apache.zookeeper.server.DataTree;
import org.apache.zookeeper.server.Request;
import org.apache.zookeeper.server.persistence.FileTxnLog;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;
import org.apache.zookeeper.server.persistence.SnapStream;
import org.apache.zookeeper.server.persistence.SnapStream.StreamMode;

/** Real ZooKeeper 3.9.3 on the other side of each differential test: it writes data dirs and restores them. */
final class ZkOracle {
  private ZkOracle() {}

  /** ZooKeeper's own restore (FileTxnSnapLog.restore) of a data dir, as a view; run it on a copy. */
  static TreeView restore(Path dataDir, Path logDir, boolean trustEmptySnapshot) throws IOException {
    String key = FileTxnSnapLog.ZOOKEEPER_SNAPSHOT_TRUST_EMPTY;
    String before = System.getProperty(key);
    System.setProperty(key, Boolean.toString(trustEmptySnapshot));
    try {
      FileTxnSnapLog snapLog = new FileTxnSnapLog(logDir.toFile(), dataDir.toFile());
      try {
        DataTree tree = new DataTree();
        Map<Long, Integer> sessions = new HashMap<>();
        long zxid = snapLog.restore(tree, sessions, (h, r, d) -> { });
        return view(tree, sessions, zxid);
      } finally {
        snapLog.close();
      }
    } finally {
      if (before == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, before);
      }
    }
  }

  /** A ZooKeeper tree as a view; root is reported as "/". */
  static TreeView view(DataTree tree, Map<Long, Integer> sessions, long lastZxid) {
    Map<String, TreeView.Node> nodes = new HashMap<>();
    List<String> todo = new ArrayList<>(List.of(""));
    while (!todo.isEmpty()) {
      String path = todo.remove(todo.size() - 1);
      DataNode node = tree.getNode(path);
      StatPersisted s = node.stat;
      List<String> acl = new ArrayList<>();
      for (ACL a : tree.getACL(node)) {
        acl.add(a.getPerms() + ":" + a.getId().getScheme() + ":" + a.getId().getId());
      }
      String shown = path.isEmpty() ? "/" : path;
      java.util.Set<String> children;
      synchronized (node) {
        children = new java.util.HashSet<>(node.getChildren());
      }
      nodes.put(shown, new TreeView.Node(shown, TreeView.hex(node.getData()), s.getCzxid(), s.getMzxid(),
          s.getCtime(), s.getMtime(), s.getVersion(), s.getCversion(), s.getAversion(), s.getEphemeralOwner(),
          s.getPzxid(), acl, children.size()));
      for (String child : children) {
        todo.add(path + "/" + child);
      }
    }
    return TreeView.of(nodes, sessions, lastZxid, tree.getTreeDigest());
  }

  /** How a ZooKeeper-written data dir is laid out: txn count, snapshot spacing, compression per snapshot. */
  record Layout(int txns, int snapshotEvery, int commitEvery, List<StreamMode> compressions) {}

  /**
   * Writes a data dir with ZooKeeper's FileTxnSnapLog as a server would: snapshot.0 at start, each txn
   * appended then applied, a log roll and a snapshot every {@code snapshotEvery} txns (compression
   * cycling through the layout's list). Returns the workload, whose shadow tree is the expected state.
   */
  static ZkWorkload write(Path dataDir, Path logDir, long seed, int epochJumpAt, Layout layout) throws IOException {
    ZkWorkload workload = new ZkWorkload(seed, epochJumpAt);
    FileTxnLog.setPreallocSize(64 * 1024);
    StreamMode before = SnapStream.getStreamMode();
    FileTxnSnapLog snapLog = new FileTxnSnapLog(logDir.toFile(), dataDir.toFile());
    try {
      int snaps = 0;
      SnapStream.setStreamMode(layout.compressions().get(snaps++ % layout.compressions().size()));
      snapLog.save(workload.tree(), workload.sessions(), true);
      for (int i = 1; i <= layout.txns(); i++) {
        ZkWorkload.Generated g = workload.next();
        Request r = new Request(g.header().getClientId(), g.header().getCxid(), g.header().getType(), g.header(),
            g.txn(), g.zxid());
        r.setTxnDigest(g.digest());
        snapLog.append(r);
        if (i % layout.commitEvery() == 0) {
          snapLog.commit();
        }
        if (i % layout.snapshotEvery() == 0 && i < layout.txns()) {
          snapLog.commit();
          snapLog.rollLog();
          SnapStream.setStreamMode(layout.compressions().get(snaps++ % layout.compressions().size()));
          workload.tree().lastProcessedZxid = g.zxid();
          snapLog.save(workload.tree(), workload.sessions(), true);
        }
      }
      snapLog.commit();
    } finally {
      snapLog.close();
      SnapStream.setStreamMode(before);
      FileTxnLog.setPreallocSize(64L * 1024 * 1024);
    }
    return workload;
  }
}
