package zkstore.cli.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.cli.restore.OfflineRestore;
import zkstore.jute.JuteMaxBuffer;
import zkstore.tree.DataTree;

/** Turns a restored {@link DataTree}, a data dir or a snapshot file into a {@link TreeImage}. */
public final class TreeImages {
  private TreeImages() {}

  /** Every node of {@code tree}, sorted by path. */
  public static TreeImage of(DataTree tree, long zxid) throws IOException {
    TreeMap<String, NodeView> nodes = new TreeMap<>();
    tree.walk(r -> {
      String path = r.path().isEmpty() ? "/" : r.path();
      nodes.put(path, new NodeView(path, r.data(), r.stat(), r.acl(), r.numChildren()));
    });
    Map<String, TreeSet<String>> children = TreeImage.childrenOf(nodes.keySet());
    Map<Long, Integer> sessions = new TreeMap<>(Long::compareUnsigned);
    sessions.putAll(tree.sessions());
    return new TreeImage(nodes, children, sessions, zxid);
  }

  /** A snapshot file as is, or a data directory restored (snapshot plus logs). */
  public static TreeImage load(Path fileOrDir, JuteMaxBuffer limits) throws IOException {
    if (Files.isRegularFile(fileOrDir)) {
      InputFiles.requireReadableFile(fileOrDir);
      return SnapshotImage.read(fileOrDir, limits).tree();
    }
    var restored = OfflineRestore.restore(DataDirLayout.resolve(fileOrDir, null), limits);
    return of(restored.tree(), restored.zxid());
  }
}
