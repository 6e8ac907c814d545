package zkstore.cli.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeSet;

/**
 * Quota stats nodes as ZooKeeper loads them. A snapshot is fuzzy, so the "count=N,bytes=M" its stats nodes hold was
 * current at some moment of the walk, not for the nodes the file holds; ZooKeeper's load (DataTree.setupQuota)
 * replaces it with a count of the subtree as loaded, and so its SnapshotFormatter prints that. For every limits node
 * without children under {@code /zookeeper/quota}, the matching stats node, where there is one, gets the count and
 * bytes of the real path's subtree (0 and 0 if that path is gone).
 */
final class QuotaRecount {
  private static final String QUOTA_ROOT = "/zookeeper/quota";
  private static final String LIMITS = "/zookeeper_limits";
  private static final String STATS = "/zookeeper_stats";

  private QuotaRecount() {}

  /** Rewrites the data of the stats nodes in {@code nodes}; {@code children} maps a path to its child names. */
  static void apply(Map<String, NodeView> nodes, Map<String, TreeSet<String>> children) {
    if (!nodes.containsKey(QUOTA_ROOT)) {
      return;
    }
    ArrayDeque<String> todo = new ArrayDeque<>();
    todo.push(QUOTA_ROOT);
    while (!todo.isEmpty()) {
      String path = todo.pop();
      TreeSet<String> kids = children.get(path);
      if (kids == null || kids.isEmpty()) {
        if (path.endsWith(LIMITS)) {
          String real = path.substring(QUOTA_ROOT.length(), path.indexOf(LIMITS));
          recount(nodes, children, real);
        }
        continue;
      }
      for (String c : kids) {
        todo.push(path + "/" + c);
      }
    }
  }

  private static void recount(Map<String, NodeView> nodes, Map<String, TreeSet<String>> children, String real) {
    NodeView stats = nodes.get(QUOTA_ROOT + real + STATS);
    if (stats == null) {
      return;
    }
    long count = 0;
    long bytes = 0;
    String start = real.isEmpty() ? "/" : real;
    ArrayDeque<String> todo = new ArrayDeque<>();
    if (nodes.containsKey(start)) {
      todo.push(start);
    }
    while (!todo.isEmpty()) {
      String path = todo.pop();
      count++;
      bytes += nodes.get(path).dataLength();
      TreeSet<String> kids = children.get(path);
      if (kids != null) {
        for (String c : kids) {
          todo.push(path.equals("/") ? "/" + c : path + "/" + c);
        }
      }
    }
    byte[] data = ("count=" + count + ",bytes=" + bytes).getBytes(StandardCharsets.UTF_8);
    nodes.put(stats.path(), new NodeView(stats.path(), data, stats.stat(), stats.acl(), stats.numChildren()));
  }
}
