package zkstore.engine;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import zkstore.record.Acl;
import zkstore.record.StatPersisted;
import zkstore.snapshot.NodeOutput;
import zkstore.snapshot.SnapshotDigest;
import zkstore.snapshot.SnapshotSource;
import zkstore.tree.DataTree;
import zkstore.tree.NodeRecord;
import zkstore.tree.ZxidDigest;

/**
 * A live tree as a fuzzy snapshot's source: txns keep being logged and applied while it is walked.
 *
 * <p>Two things make the file safe to restore from:
 * <ul>
 * <li>Before the writer seals the file (when it asks for the digest), {@code beforeSeal} commits the log. Every
 *     txn whose effect the walk may have seen was logged before it was applied, so once that commit returns
 *     they are all durable, and the file, renamed into place only after that, never holds a txn the log could
 *     lose in a crash.</li>
 * <li>The ACL map is written before the nodes, so a node may carry an ACL key created during the walk. Such a
 *     key can only come from a txn of the fuzzy window, which the restore replays: a node created in the window
 *     (czxid above the file's zxid) is left out with its subtree, and the replay creates it; a node whose ACL
 *     was set in the window is written with the open key -1, and the replayed setACL sets it again. ZooKeeper's
 *     own snapshots instead keep the dangling key.</li>
 * </ul>
 */
final class TreeSnapshotSource implements SnapshotSource {
  /** Runs before the file is sealed; throws to abandon the snapshot. */
  interface BeforeSeal {
    void run() throws IOException;
  }

  private final DataTree tree;
  private final Object writeLock;
  private final BeforeSeal beforeSeal;
  private long nameZxid = Long.MIN_VALUE;
  private Set<Long> writtenKeys = Set.of();

  /**
   * @param writeLock the lock under which the engine logs and applies each txn, so that the zxid and digest
   *     read here belong to a txn that is both logged and applied
   */
  TreeSnapshotSource(DataTree tree, Object writeLock, BeforeSeal beforeSeal) {
    this.tree = tree;
    this.writeLock = writeLock;
    this.beforeSeal = beforeSeal;
  }

  @Override
  public long lastProcessedZxid() {
    synchronized (writeLock) {
      long z = tree.lastProcessedZxid();
      if (nameZxid == Long.MIN_VALUE) {
        nameZxid = z;
      }
      return z;
    }
  }

  @Override
  public Map<Long, Integer> sessions() {
    return tree.sessions();
  }

  @Override
  public Map<Long, List<Acl>> aclMap() {
    Map<Long, List<Acl>> entries = tree.aclCache().entries();
    writtenKeys = new HashSet<>(entries.keySet());
    return entries;
  }

  @Override
  public void walk(NodeOutput out) throws IOException {
    Set<String> omitted = new HashSet<>();
    tree.walk(node -> write(node, out, omitted));
  }

  private void write(NodeRecord node, NodeOutput out, Set<String> omitted) throws IOException {
    String path = node.path();
    if (!path.isEmpty() && !omitted.isEmpty() && omitted.contains(path.substring(0, path.lastIndexOf('/')))) {
      omitted.add(path);
      return;
    }
    long key = node.aclKey();
    StatPersisted stat = node.stat();
    if (key != -1 && !writtenKeys.contains(key)) {
      if (stat.czxid() > nameZxid) {
        omitted.add(path);
        return;
      }
      key = -1;
    }
    out.node(path, node.data(), key, stat);
  }

  @Override
  public SnapshotDigest digest() {
    ZxidDigest last;
    synchronized (writeLock) {
      last = tree.lastTxnDigest();
    }
    try {
      beforeSeal.run();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("the log could not be committed before sealing the snapshot", e);
    }
    return last == null ? SnapshotDigest.NONE
        : new SnapshotDigest(last.zxid(), SnapshotDigest.CURRENT_VERSION, last.digest());
  }
}
