package zkstore.snapshot;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import zkstore.jute.FormatException;
import zkstore.record.Acl;
import zkstore.tree.DataTree;
import zkstore.tree.TreeLoader;
import zkstore.tree.TreeOptions;

/**
 * Feeds a snapshot into a {@link TreeLoader}; {@link #finish} gives the tree once the read verified every seal.
 * A fuzzy ZooKeeper snapshot can hold nodes whose ACL key is missing from its ACL map (the entry was created
 * during the walk). Knowing the name zxid, such a node created after it is left out with its subtree (replay
 * of its create brings it back with its ACL) and an older one gets key -1 until replay of its setACL; ZooKeeper
 * keeps the dangling key and fails when the ACL is read.
 */
public final class TreeSnapshotSink implements SnapshotSink {
  private final TreeLoader loader;
  private final long nameZxid;
  private final Set<Long> keys = new HashSet<>();
  /** A key known to be in the map (consecutive nodes mostly share one); -1 before any. */
  private long lastKnownKey = -1;
  private String skipUnder;
  private long nodesLeftOut;
  private long aclPlaceholders;

  /** A sink that does not know the name zxid: every node with a missing ACL entry gets key -1. */
  public TreeSnapshotSink(TreeOptions options) {
    this(options, Long.MAX_VALUE);
  }

  /** A sink for the snapshot named with {@code nameZxid}. */
  public TreeSnapshotSink(TreeOptions options, long nameZxid) {
    this.loader = new TreeLoader(options);
    this.nameZxid = nameZxid;
  }

  @Override
  public void session(long id, int timeoutMs) {
    loader.addSession(id, timeoutMs);
  }

  @Override
  public void aclEntry(long key, List<Acl> acls) {
    keys.add(key);
    loader.addAcl(key, acls);
  }

  @Override
  public void node(SnapshotNode node) throws IOException {
    if (skipUnder != null) {
      String path = node.path();
      if (path.startsWith(skipUnder) && path.length() > skipUnder.length() && path.charAt(skipUnder.length()) == '/') {
        nodesLeftOut++;
        return;
      }
      skipUnder = null;
    }
    long key = node.aclKey();
    if (key != -1 && key != lastKnownKey) {
      if (!keys.contains(key)) {
        if (node.czxid() > nameZxid) {
          skipUnder = node.path();
          nodesLeftOut++;
          return;
        }
        node.aclKey = -1;
        aclPlaceholders++;
      } else {
        lastKnownKey = key;
      }
    }
    loader.addNode(node);
  }

  /** Nodes left out: created after the name zxid with an ACL entry the map does not hold. */
  public long nodesLeftOut() {
    return nodesLeftOut;
  }

  /** Nodes loaded with key -1 because their ACL entry is missing from the map. */
  public long aclPlaceholders() {
    return aclPlaceholders;
  }

  /** The loaded tree with lastProcessedZxid set (the name zxid: the file name wins, as in ZooKeeper). */
  public DataTree finish(long lastProcessedZxid) throws FormatException {
    return loader.finish(lastProcessedZxid);
  }
}
