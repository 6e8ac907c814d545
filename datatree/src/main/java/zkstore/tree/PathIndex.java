package zkstore.tree;

/**
 * Open-addressing (linear probing) index from a full path to its node. The probed table holds node ids,
 * not references: each node gets an id whose reference and path hash sit in two arrays filled in id order.
 * Loading a large tree thus stores references sequentially; random reference stores into a large table
 * (allocated straight into G1's old generation) made the collector refine a card per store, about as much
 * CPU as the load itself. A hit is confirmed by walking the candidate's parent chain against the path's
 * components, so no path strings are kept. Used by the writer thread only.
 */
final class PathIndex {

    private static final int INITIAL_CAPACITY = 1024;
    private static final int NO_ID = -1;

    /** Probed table: node id + 1, 0 for an empty slot. */
    private int[] slots = new int[INITIAL_CAPACITY];
    /** nodes[id] is the node with that id, null for a free id. */
    private ZNode[] nodes = new ZNode[INITIAL_CAPACITY];
    /** hashes[id] is nodes[id].pathHash; for a free id, the next free id (NO_ID ends the list). */
    private int[] hashes = new int[INITIAL_CAPACITY];
    /** Ids handed out so far (ids below it are in use or free). */
    private int idLimit;
    private int freeHead = NO_ID;
    private int size;

    /** Polynomial hash of {@code path[0, len)}; the root ("" or "/") hashes as the empty path. */
    static int hash(byte[] path, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + path[i];
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
        int[] s = slots;
        int[] hs = hashes;
        int mask = s.length - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            int id = s[i] - 1;
            if (id < 0) {
                return null;
            }
            if (hs[id] == hash) {
                ZNode n = nodes[id];
                if (matches(n, path, len)) {
                    return n;
                }
            }
        }
    }

    /**
     * Adds {@code node} (its pathHash set, its path {@code path[0, len)}) unless a node with that path is
     * indexed already; returns that node, or null when {@code node} was added.
     */
    ZNode putIfAbsent(ZNode node, byte[] path, int len) {
        growIfFull();
        int[] s = slots;
        int[] hs = hashes;
        int hash = node.pathHash;
        int mask = s.length - 1;
        int i = spread(hash) & mask;
        for (int id; (id = s[i] - 1) >= 0; i = (i + 1) & mask) {
            if (hs[id] == hash && matches(nodes[id], path, len)) {
                return nodes[id];
            }
        }
        s[i] = newId(node) + 1;
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
        growIfFull();
        insert(slots, node.pathHash, newId(node));
        size++;
    }

    void remove(ZNode node) {
        int[] s = slots;
        int mask = s.length - 1;
        int i = spread(node.pathHash) & mask;
        int id;
        while ((id = s[i] - 1) < 0 || nodes[id] != node) {
            if (id < 0) {
                return;
            }
            i = (i + 1) & mask;
        }
        s[i] = 0;
        freeId(id);
        size--;
        int hole = i;
        for (int j = (i + 1) & mask; s[j] != 0; j = (j + 1) & mask) {
            int home = spread(hashes[s[j] - 1]) & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                s[hole] = s[j];
                s[j] = 0;
                hole = j;
            }
        }
        if (s.length > INITIAL_CAPACITY && size * 8L < s.length) {
            compact(s.length / 2);
        }
    }

    void clear() {
        slots = new int[INITIAL_CAPACITY];
        nodes = new ZNode[INITIAL_CAPACITY];
        hashes = new int[INITIAL_CAPACITY];
        idLimit = 0;
        freeHead = NO_ID;
        size = 0;
    }

    private int newId(ZNode node) {
        int id = freeHead;
        if (id != NO_ID) {
            freeHead = hashes[id];
        } else {
            if (idLimit == nodes.length) {
                int capacity = nodes.length * 2;
                nodes = java.util.Arrays.copyOf(nodes, capacity);
                hashes = java.util.Arrays.copyOf(hashes, capacity);
            }
            id = idLimit++;
        }
        nodes[id] = node;
        hashes[id] = node.pathHash;
        return id;
    }

    private void freeId(int id) {
        nodes[id] = null;
        hashes[id] = freeHead;
        freeHead = id;
    }

    private void growIfFull() {
        if ((size + 1) * 4L > slots.length * 3L) {
            int[] fresh = new int[slots.length * 2];
            for (int i = 0; i < idLimit; i++) {
                if (nodes[i] != null) {
                    insert(fresh, hashes[i], i);
                }
            }
            slots = fresh;
        }
    }

    /** Rebuilds the table with {@code capacity} slots and renumbers the ids densely, dropping free ones. */
    private void compact(int capacity) {
        int[] fresh = new int[capacity];
        int idCapacity = Math.max(INITIAL_CAPACITY, Integer.highestOneBit(Math.max(size, 1)) * 2);
        ZNode[] freshNodes = new ZNode[idCapacity];
        int[] freshHashes = new int[idCapacity];
        int next = 0;
        for (int i = 0; i < idLimit; i++) {
            if (nodes[i] != null) {
                freshNodes[next] = nodes[i];
                freshHashes[next] = hashes[i];
                insert(fresh, hashes[i], next);
                next++;
            }
        }
        slots = fresh;
        nodes = freshNodes;
        hashes = freshHashes;
        idLimit = next;
        freeHead = NO_ID;
    }

    private static void insert(int[] s, int hash, int id) {
        int mask = s.length - 1;
        int i = spread(hash) & mask;
        while (s[i] != 0) {
            i = (i + 1) & mask;
        }
        s[i] = id + 1;
    }
}
