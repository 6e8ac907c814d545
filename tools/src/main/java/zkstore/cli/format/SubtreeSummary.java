package zkstore.cli.format;

import java.io.PrintWriter;
import zkstore.cli.source.NodeView;
import zkstore.cli.source.TreeImage;

/**
 * Node count and data bytes per subtree, printed as ZooKeeper's SnapshotRecursiveSummary does: only nodes
 * with children, pre-order, prefixed by {@code --} per level below the start node, levels beyond
 * {@code maxDepth} counted but not printed (0 = no limit).
 */
public final class SubtreeSummary {
  private SubtreeSummary() {}

  public static void print(TreeImage tree, String start, int maxDepth, PrintWriter out) {
    StringBuilder sb = new StringBuilder();
    walk(tree, start, sb, 0, maxDepth);
    out.println(sb);
  }

  /** Returns {nodes in subtree incl. self, data bytes in subtree}. */
  private static long[] walk(TreeImage tree, String path, StringBuilder sb, int level, int maxDepth) {
    NodeView n = tree.node(path);
    long[] totals = {1, n.dataLength()};
    if (tree.children(path).isEmpty()) {
      return totals;
    }
    StringBuilder below = new StringBuilder();
    for (String child : tree.children(path)) {
      long[] c = walk(tree, TreeImage.childPath(path, child), below, level + 1, maxDepth);
      totals[0] += c[0];
      totals[1] += c[1];
    }
    if (maxDepth == 0 || level <= maxDepth) {
      String prefix = "--".repeat(level);
      sb.append(prefix).append(' ').append(path).append('\n');
      sb.append(prefix).append("   children: ").append(totals[0] - 1).append('\n');
      sb.append(prefix).append("   data: ").append(totals[1]).append('\n');
      sb.append(below);
    }
    return totals;
  }
}
