package zkstore.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import zkstore.record.Acl;
import zkstore.record.StatPersisted;
import zkstore.tree.DataTree;

/** A zkstore tree as a {@link TreeView}, comparable with {@link ZkOracle#view}. */
final class ZkstoreView {
  private ZkstoreView() {}

  static TreeView of(DataTree tree, long lastZxid) {
    Map<String, TreeView.Node> nodes = new HashMap<>();
    try {
      tree.walk(r -> {
        String shown = r.path().isEmpty() ? "/" : r.path();
        StatPersisted s = r.stat();
        List<String> acl = new ArrayList<>();
        for (Acl a : r.acl()) {
          acl.add(a.perms() + ":" + a.id().scheme() + ":" + a.id().id());
        }
        nodes.put(shown, new TreeView.Node(shown, TreeView.hex(r.data()), s.czxid(), s.mzxid(), s.ctime(),
            s.mtime(), s.version(), s.cversion(), s.aversion(), s.ephemeralOwner(), s.pzxid(), acl,
            r.numChildren()));
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return TreeView.of(nodes, tree.sessions(), lastZxid, tree.digest());
  }
}
