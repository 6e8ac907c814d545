package zkstore.cli.source;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A whole tree held for printing and comparing: nodes by path (sorted), each node's children, and the
 * sessions. Built from a snapshot file or from a restored data directory.
 */
public final class TreeImage {
  private final NavigableMap<String, NodeView> nodes;
  private final Map<String, TreeSet<String>> children;
  private final Map<Long, Integer> sessions;
  private final long lastZxid;

  public TreeImage(NavigableMap<String, NodeView> nodes, Map<String, TreeSet<String>> children,
      Map<Long, Integer> sessions, long lastZxid) {
    this.nodes = nodes;
    this.children = children;
    this.sessions = sessions;
    this.lastZxid = lastZxid;
  }

  /** Every node, sorted by path; the root is {@code "/"}. */
  public NavigableMap<String, NodeView> nodes() {
    return nodes;
  }

  public NodeView node(String path) {
    return nodes.get(path);
  }

  /** The names (not paths) of a node's children, sorted. */
  public Collection<String> children(String path) {
    TreeSet<String> c = children.get(path);
    return c == null ? List.of() : c;
  }

  /** Session id to timeout in ms (unsigned order). */
  public Map<Long, Integer> sessions() {
    return sessions;
  }

  /** The zxid the tree is as of. */
  public long lastZxid() {
    return lastZxid;
  }

  /** The child's full path. */
  public static String childPath(String parent, String name) {
    return parent.equals("/") ? "/" + name : parent + "/" + name;
  }

  /** The parent's path of a non-root path. */
  public static String parentOf(String path) {
    int i = path.lastIndexOf('/');
    return i <= 0 ? "/" : path.substring(0, i);
  }

  /** Builds children sets from node paths. */
  public static Map<String, TreeSet<String>> childrenOf(Collection<String> paths) {
    Map<String, TreeSet<String>> out = new TreeMap<>();
    for (String p : paths) {
      if (!p.equals("/")) {
        out.computeIfAbsent(parentOf(p), k -> new TreeSet<>()).add(p.substring(p.lastIndexOf('/') + 1));
      }
    }
    return out;
  }
}
