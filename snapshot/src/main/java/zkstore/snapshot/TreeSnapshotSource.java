package zkstore.snapshot;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import zkstore.record.Acl;
import zkstore.tree.DataTree;
import zkstore.tree.NodeRecord;
import zkstore.tree.ZxidDigest;

/**
 * A live {@link DataTree} as a snapshot source. The ACL map is copied before the walk, so a node whose ACL
 * entry appeared during the walk cannot refer to it: such a node created after the name zxid is left out with
 * its subtree (replay of its create brings it back whole), and an older node whose ACL was replaced after the
 * name zxid is written with key -1 (replay of that setACL restores it). Every other node is written as read.
 * Use one instance per snapshot: the first {@link #lastProcessedZxid} call fixes the name zxid.
 */
public final class TreeSnapshotSource implements SnapshotSource {
  private final DataTree tree;
  private long nameZxid = -1;
  private long[] knownKeys = new long[0];
  private long skippedNodes;
  private long placeholderAcls;

  public TreeSnapshotSource(DataTree tree) {
    this.tree = tree;
  }

  @Override
  public long lastProcessedZxid() {
    long z = tree.lastProcessedZxid();
    if (nameZxid < 0) {
      nameZxid = z;
    }
    return z;
  }

  @Override
  public Map<Long, Integer> sessions() {
    return tree.sessions();
  }

  @Override
  public Map<Long, List<Acl>> aclMap() {
    Map<Long, List<Acl>> entries = tree.aclCache().entries();
    long[] keys = new long[entries.size()];
    int i = 0;
    for (Long k : entries.keySet()) {
      keys[i++] = k;
    }
    Arrays.sort(keys);
    knownKeys = keys;
    return entries;
  }

  @Override
  public void walk(NodeOutput out) throws IOException {
    String[] skipUnder = {null};
    tree.walk(r -> {
      String path = r.path();
      if (skipUnder[0] != null) {
        if (path.startsWith(skipUnder[0]) && path.length() > skipUnder[0].length()
            && path.charAt(skipUnder[0].length()) == '/') {
          skippedNodes++;
          return;
        }
        skipUnder[0] = null;
      }
      long key = r.aclKey();
      if (key != -1 && Arrays.binarySearch(knownKeys, key) < 0) {
        if (r.stat().czxid() > nameZxid) {
          skipUnder[0] = path;
          skippedNodes++;
          return;
        }
        key = -1;
        placeholderAcls++;
      }
      write(out, r, key);
    });
  }

  private static void write(NodeOutput out, NodeRecord r, long key) throws IOException {
    out.node(r.path(), r.data(), key, r.stat());
  }

  @Override
  public SnapshotDigest digest() {
    ZxidDigest d = tree.lastTxnDigest();
    return d == null ? SnapshotDigest.NONE : new SnapshotDigest(d.zxid(), SnapshotDigest.CURRENT_VERSION, d.digest());
  }

  /** Nodes left out because they were created after the name zxid with an ACL entry newer than the map. */
  public long skippedNodes() {
    return skippedNodes;
  }

  /** Nodes written with key -1 because their ACL was replaced after the name zxid. */
  public long placeholderAcls() {
    return placeholderAcls;
  }
}
