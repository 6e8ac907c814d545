package zkstore.tree;

/**
 * Open-addressing (linear probing) index from a full path to its node. It stores only node
 * references and, beside them, their path hashes, so probing and growing read two flat arrays and
 * touch a node only when its hash matches; a hit is confirmed by walking the candidate's parent chain
 * against the path's components, so no path strings are kept. Used by the writer thread only.
 */
final class PathIndex {

    private static final int INITIAL_CAPACITY = 1024;

    private ZNode[] table = new ZNode[INITIAL_CAPACITY];
    /** hashes[i] is table[i].pathHash (meaningless where table[i] is null). */
    private int[] hashes = new int[INITIAL_CAPACITY];
    private int size;

    /** Polynomial hash of {@code path[0, len)}; the root ("" or "/") hashes as the empty path. */
    static int hash(byte[] path, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + path[i];
        }
        return h;
    }

    /** Hash of {@code parentHash}'s path extended by "/" and {@code name[off, off+len)}. */
    static int childHash(int parentHash, byte[] name, int off, int len) {
        int h = 31 * parentHash + '/';
        for (int i = off; i < off + len; i++) {
            h = 31 * h + name[i];
        }
        return h;
    }

    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    int size() {
        return size;
    }

    /** The node whose full path is {@code path[0, len)} (no trailing slash), or null. */
    ZNode get(byte[] path, int len, int hash) {
        ZNode[] t = table;
        int[] hs = hashes;
        int mask = t.length - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            ZNode n = t[i];
            if (n == null) {
                return null;
            }
            if (hs[i] == hash && matches(n, path, len)) {
                return n;
            }
        }
    }

    /**
     * Adds {@code node} (its pathHash set, its path {@code path[0, len)}) unless a node with that path is
     * indexed already; returns that node, or null when {@code node} was added.
     */
    ZNode putIfAbsent(ZNode node, byte[] path, int len) {
        if ((size + 1) * 4L > table.length * 3L) {
            resize(table.length * 2);
        }
        ZNode[] t = table;
        int[] hs = hashes;
        int hash = node.pathHash;
        int mask = t.length - 1;
        int i = spread(hash) & mask;
        for (ZNode n; (n = t[i]) != null; i = (i + 1) & mask) {
            if (hs[i] == hash && matches(n, path, len)) {
                return n;
            }
        }
        t[i] = node;
        hs[i] = hash;
        size++;
        return null;
    }

    private static boolean matches(ZNode node, byte[] path, int len) {
        int end = len;
        ZNode n = node;
        while (n.parent != null) {
            int nameLen = ZNode.nameLength(n.bytes);
            int start = end - nameLen;
            if (start < 1 || path[start - 1] != '/' || !n.nameEquals(path, start, end)) {
                return false;
            }
            end = start - 1;
            n = n.parent;
        }
        return end == 0;
    }

    void put(ZNode node) {
        if ((size + 1) * 4L > table.length * 3L) {
            resize(table.length * 2);
        }
        insert(table, hashes, node, node.pathHash);
        size++;
    }

    private static void insert(ZNode[] t, int[] hs, ZNode node, int hash) {
        int mask = t.length - 1;
        int i = spread(hash) & mask;
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        t[i] = node;
        hs[i] = hash;
    }

    void remove(ZNode node) {
        ZNode[] t = table;
        int[] hs = hashes;
        int mask = t.length - 1;
        int i = spread(node.pathHash) & mask;
        while (t[i] != node) {
            if (t[i] == null) {
                return;
            }
            i = (i + 1) & mask;
        }
        t[i] = null;
        size--;
        int hole = i;
        for (int j = (i + 1) & mask; t[j] != null; j = (j + 1) & mask) {
            int home = spread(hs[j]) & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                t[hole] = t[j];
                hs[hole] = hs[j];
                t[j] = null;
                hole = j;
            }
        }
        if (table.length > INITIAL_CAPACITY && size * 8L < table.length) {
            resize(table.length / 2);
        }
    }

    private void resize(int capacity) {
        ZNode[] fresh = new ZNode[capacity];
        int[] freshHashes = new int[capacity];
        ZNode[] t = table;
        int[] hs = hashes;
        for (int i = 0; i < t.length; i++) {
            if (t[i] != null) {
                insert(fresh, freshHashes, t[i], hs[i]);
            }
        }
        table = fresh;
        hashes = freshHashes;
    }

    void clear() {
        table = new ZNode[INITIAL_CAPACITY];
        hashes = new int[INITIAL_CAPACITY];
        size = 0;
    }
}
