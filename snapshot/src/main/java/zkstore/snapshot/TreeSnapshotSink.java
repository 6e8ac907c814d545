package zkstore.snapshot;

import java.io.IOException;
import java.util.List;
import zkstore.record.Acl;
import zkstore.tree.DataTree;
import zkstore.tree.TreeLoader;
import zkstore.tree.TreeOptions;

/** Feeds a snapshot into a {@link TreeLoader}; {@link #finish} gives the tree once the read verified every seal. */
public final class TreeSnapshotSink implements SnapshotSink {
  private final TreeLoader loader;

  public TreeSnapshotSink(TreeOptions options) {
    this.loader = new TreeLoader(options);
  }

  @Override
  public void session(long id, int timeoutMs) {
    loader.addSession(id, timeoutMs);
  }

  @Override
  public void aclEntry(long key, List<Acl> acls) {
    loader.addAcl(key, acls);
  }

  @Override
  public void node(SnapshotNode node) throws IOException {
    loader.addNode(node.path(), node.data(), node.aclKey(), node.stat());
  }

  /** The loaded tree with lastProcessedZxid set (the name zxid: the file name wins, as in ZooKeeper). */
  public DataTree finish(long lastProcessedZxid) {
    return loader.finish(lastProcessedZxid);
  }
}
