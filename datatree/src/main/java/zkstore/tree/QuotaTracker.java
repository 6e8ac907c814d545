package zkstore.tree;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Quota accounting as ZooKeeper 3.9 keeps it: a path with a {@code zookeeper_limits} node under
 * /zookeeper/quota is quota-limited; creates, deletes and setData below the deepest such path
 * update the count and bytes in its {@code zookeeper_stats} node (data only, stat unchanged).
 */
final class QuotaTracker {

    static final String LIMIT_NODE = "zookeeper_limits";
    static final String STAT_NODE = "zookeeper_stats";

    private final DataTree tree;
    private final Set<String> paths = new HashSet<>();

    QuotaTracker(DataTree tree) {
        this.tree = tree;
    }

    synchronized Set<String> paths() {
        return new TreeSet<>(paths);
    }

    /** Called after a node named {@code childName} was created under {@code parentPath}. */
    void onCreate(String parentPath, String childName) {
        if (!parentPath.startsWith(DataTree.QUOTA_PATH)) {
            return;
        }
        String target = parentPath.substring(DataTree.QUOTA_PATH.length());
        if (LIMIT_NODE.equals(childName)) {
            add(target);
        }
        if (STAT_NODE.equals(childName)) {
            recount(target);
        }
    }

    /** Called after a node named {@code childName} was deleted from {@code parentPath}. */
    void onDelete(String parentPath, String childName) {
        if (LIMIT_NODE.equals(childName) && parentPath.startsWith(DataTree.QUOTA_PATH)) {
            remove(parentPath.substring(DataTree.QUOTA_PATH.length()));
        }
    }

    synchronized void add(String path) {
        String n = normalize(path);
        if (!n.equals("/")) {
            paths.add(n);
        }
    }

    private synchronized void remove(String path) {
        paths.remove(normalize(path));
    }

    /** The deepest quota-limited path that is {@code path} or one of its ancestors, or null. */
    synchronized String maxPrefix(String path) {
        if (paths.isEmpty()) {
            return null;
        }
        String deepest = null;
        StringBuilder prefix = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            prefix.append('/').append(part);
            String p = prefix.toString();
            if (paths.contains(p)) {
                deepest = p;
            }
        }
        return deepest;
    }

    /** Adds the diffs to the stats node of quota path {@code prefix}; no-op if the node is missing or unreadable. */
    void updateStats(String prefix, long bytesDiff, int countDiff) {
        ZNode statNode = tree.find(DataTree.QUOTA_PATH + prefix + "/" + STAT_NODE);
        if (statNode == null) {
            return;
        }
        QuotaStats stats;
        try {
            stats = QuotaStats.parse(ZNode.data(statNode.bytes));
        } catch (IllegalArgumentException e) {
            return;
        }
        synchronized (statNode) {
            statNode.setData(stats.add(countDiff, bytesDiff).toBytes());
        }
    }

    /** Recounts nodes and bytes of the subtree at {@code path} into its stats node. */
    void recount(String path) {
        long count = 0;
        long bytes = 0;
        ZNode start = tree.find(path);
        if (start != null) {
            ArrayDeque<ZNode> stack = new ArrayDeque<>();
            stack.push(start);
            while (!stack.isEmpty()) {
                ZNode n = stack.pop();
                count++;
                bytes += ZNode.dataLength(n.bytes);
                for (ZNode c = n.firstChild; c != null; c = c.nextSibling) {
                    stack.push(c);
                }
            }
        }
        ZNode statNode = tree.find(DataTree.QUOTA_PATH + path + "/" + STAT_NODE);
        if (statNode == null) {
            return;
        }
        synchronized (statNode) {
            statNode.setData(QuotaStats.of(count, bytes).toBytes());
        }
    }

    /** After loading: rebuilds the quota paths and recounts every stats node, as ZooKeeper does on load. */
    void rebuild() {
        ZNode quotaRoot = tree.find(DataTree.QUOTA_PATH);
        if (quotaRoot == null) {
            return;
        }
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {quotaRoot, DataTree.QUOTA_PATH});
        String suffix = "/" + LIMIT_NODE;
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            ZNode n = (ZNode) top[0];
            String p = (String) top[1];
            if (n.firstChild == null) {
                if (p.endsWith(suffix)) {
                    String real = p.substring(DataTree.QUOTA_PATH.length(), p.indexOf(suffix));
                    recount(real);
                    add(real);
                }
                continue;
            }
            for (ZNode c = n.firstChild; c != null; c = c.nextSibling) {
                stack.push(new Object[] {c, p + "/" + c.name()});
            }
        }
    }

    private static String normalize(String path) {
        StringBuilder b = new StringBuilder();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                b.append('/').append(part);
            }
        }
        return b.length() == 0 ? "/" : b.toString();
    }
}
