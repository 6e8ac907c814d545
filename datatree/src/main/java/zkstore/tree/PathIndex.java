package zkstore.tree;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Open-addressing (linear probing) index from a full path to its node. The probed table holds node ids,
 * not references: each node gets an id whose reference and path hash sit in two arrays filled in id order.
 * Loading a large tree thus stores references sequentially; random reference stores into a large table
 * (allocated straight into G1's old generation) made the collector refine a card per store, about as much
 * CPU as the load itself. A bulk load {@link #append}s nodes and slots them all at once in the order of
 * their table position ({@link #slotPending}), so the table is written front to back instead of at one
 * random, cache- and TLB-missing position per node. A hit is confirmed by walking the candidate's parent
 * chain against the path's components, so no path strings are kept. Used by the writer thread only.
 */
final class PathIndex {

    /**
     * Every array length is a power of two minus 4, so that with its 16-byte header an array of 4-byte
     * elements fills whole G1 regions: a large array of a power-of-two length takes one more region, 2 MB
     * per array at 1M nodes.
     */
    private static final int INITIAL_CAPACITY = 1020;
    private static final int NO_ID = -1;
    /** Table slots per bucket when appended nodes are sorted by table position. */
    private static final int SLOTS_PER_BUCKET = 1024;
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MIX = 0x9E3779B97F4A7C15L;

    /** Probed table: node id + 1, 0 for an empty slot. */
    private int[] slots = new int[INITIAL_CAPACITY];
    /** nodes[id] is the node with that id, null for a free id. */
    private ZNode[] nodes = new ZNode[INITIAL_CAPACITY];
    /** hashes[id] is nodes[id].pathHash; for a free id, the next free id (NO_ID ends the list). */
    private int[] hashes = new int[INITIAL_CAPACITY];
    /** Ids handed out so far (ids below it are in use or free). */
    private int idLimit;
    /** Ids from here to idLimit were appended and are not in the table yet. */
    private int slottedLimit;
    private int freeHead = NO_ID;
    /** Nodes indexed, appended ones included. */
    private int size;

    /**
     * Hash of {@code path[0, len)}, eight bytes per step (a byte-at-a-time polynomial was a fifth of a
     * snapshot load's CPU); only ever compared in memory, never stored.
     */
    static int hash(byte[] path, int len) {
        long h = len;
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            h = (h ^ (long) WORD.get(path, i)) * MIX;
            h ^= h >>> 29;
        }
        if (i < len) {
            long tail;
            if (len >= 8) {
                tail = (long) WORD.get(path, len - 8);
            } else {
                tail = 0;
                for (; i < len; i++) {
                    tail = (tail << 8) | (path[i] & 0xFF);
                }
            }
            h = (h ^ tail) * MIX;
            h ^= h >>> 29;
        }
        return (int) (h ^ (h >>> 32));
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
        requireSlotted();
        int[] s = slots;
        int[] hs = hashes;
        for (int i = home(hash, s.length); ; i = next(i, s.length)) {
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

    /** Two indexed nodes with the same path, by id; the earlier id was handed out first. */
    record Repeat(int earlierId, int laterId) {
    }

    /**
     * Adds {@code node} (its pathHash set) to be slotted by {@link #slotPending}, which also finds
     * repeated paths; no other method may be called in between. Returns the node's id: appended nodes get
     * consecutive ids, so in an index that never had a node removed, the n-th node added has id n.
     */
    int append(ZNode node) {
        size++;
        return freshId(node);
    }

    /** The node with id {@code id}, null for a free id. */
    ZNode node(int id) {
        return nodes[id];
    }

    /**
     * Puts every appended node into the table; returns the repeat with the lowest later id (the first
     * node appended whose path an earlier one has), or null. Every node is indexed all the same.
     */
    Repeat slotPending() {
        int pending = idLimit - slottedLimit;
        if (pending == 0) {
            return null;
        }
        int capacity = slots.length;
        while (size * 4L > capacity * 3L) {
            capacity = twice(capacity);
        }
        Repeat repeat = null;
        if (capacity != slots.length || pending * 8L >= size) {
            repeat = rebuild(capacity);
        } else {
            for (int id = slottedLimit; id < idLimit; id++) {
                int other = slot(slots, id, hashes[id]);
                if (other != NO_ID && repeat == null) {
                    repeat = new Repeat(other, id);
                }
            }
        }
        slottedLimit = idLimit;
        return repeat;
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

    private static boolean samePath(ZNode a, ZNode b) {
        while (a != b) {
            if (a.parent == null || b.parent == null) {
                return false;
            }
            byte[] nb = b.bytes;
            int off = ZNode.nameOffset(nb);
            if (!a.nameEquals(nb, off, off + ZNode.nameLength(nb))) {
                return false;
            }
            a = a.parent;
            b = b.parent;
        }
        return true;
    }

    void put(ZNode node) {
        requireSlotted();
        growIfFull();
        insert(slots, node.pathHash, newId(node));
        slottedLimit = idLimit;
        size++;
    }

    void remove(ZNode node) {
        requireSlotted();
        int[] s = slots;
        int i = home(node.pathHash, s.length);
        int id;
        while ((id = s[i] - 1) < 0 || nodes[id] != node) {
            if (id < 0) {
                return;
            }
            i = next(i, s.length);
        }
        s[i] = 0;
        freeId(id);
        size--;
        int hole = i;
        for (int j = next(i, s.length); s[j] != 0; j = next(j, s.length)) {
            int home = home(hashes[s[j] - 1], s.length);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                s[hole] = s[j];
                s[j] = 0;
                hole = j;
            }
        }
        if (s.length > INITIAL_CAPACITY && size * 8L < s.length) {
            compact(half(s.length));
        }
    }

    private void requireSlotted() {
        if (slottedLimit != idLimit) {
            throw new IllegalStateException("appended nodes not slotted yet: call slotPending() first");
        }
    }

    private int newId(ZNode node) {
        int id = freeHead;
        if (id == NO_ID) {
            return freshId(node);
        }
        freeHead = hashes[id];
        nodes[id] = node;
        hashes[id] = node.pathHash;
        return id;
    }

    /** Gives {@code node} the id idLimit, not a free one, so that appended ids stay contiguous. */
    private int freshId(ZNode node) {
        if (idLimit == nodes.length) {
            int capacity = twice(nodes.length);
            nodes = java.util.Arrays.copyOf(nodes, capacity);
            hashes = java.util.Arrays.copyOf(hashes, capacity);
        }
        int id = idLimit++;
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
            int[] fresh = new int[twice(slots.length)];
            for (int i = 0; i < idLimit; i++) {
                if (nodes[i] != null) {
                    insert(fresh, hashes[i], i);
                }
            }
            slots = fresh;
        }
    }

    /**
     * Slots every id afresh in a table of {@code capacity}, in order of home slot (a counting sort by
     * buckets of {@link #SLOTS_PER_BUCKET} slots); returns the repeated path with the lowest later id, or
     * null. Ids of one hash share a bucket and are slotted in id order, so a repeat's earlier id is met first.
     */
    private Repeat rebuild(int capacity) {
        int buckets = Math.max(1, capacity / SLOTS_PER_BUCKET);
        int[] start = new int[buckets + 1];
        ZNode[] ns = nodes;
        int[] hs = hashes;
        int limit = idLimit;
        for (int id = 0; id < limit; id++) {
            if (ns[id] != null) {
                start[home(hs[id], buckets) + 1]++;
            }
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        int count = start[buckets];
        int[] sortedIds = new int[count];
        int[] sortedHashes = new int[count];
        for (int id = 0; id < limit; id++) {
            if (ns[id] != null) {
                int h = hs[id];
                int at = start[home(h, buckets)]++;
                sortedIds[at] = id;
                sortedHashes[at] = h;
            }
        }
        int[] fresh = new int[capacity];
        int[] freshHashes = new int[capacity];
        int earlierId = NO_ID;
        int laterId = Integer.MAX_VALUE;
        for (int k = 0; k < count; k++) {
            int id = sortedIds[k];
            int h = sortedHashes[k];
            int i = home(h, capacity);
            for (int other; (other = fresh[i] - 1) >= 0; i = next(i, capacity)) {
                if (freshHashes[i] == h && id < laterId && samePath(ns[other], ns[id])) {
                    earlierId = other;
                    laterId = id;
                }
            }
            fresh[i] = id + 1;
            freshHashes[i] = h;
        }
        slots = fresh;
        return earlierId == NO_ID ? null : new Repeat(earlierId, laterId);
    }

    /** Inserts {@code id} into {@code s}; returns the id of the first node met there with the same path, or NO_ID. */
    private int slot(int[] s, int id, int hash) {
        int same = NO_ID;
        int i = home(hash, s.length);
        for (int other; (other = s[i] - 1) >= 0; i = next(i, s.length)) {
            if (same == NO_ID && hashes[other] == hash && samePath(nodes[other], nodes[id])) {
                same = other;
            }
        }
        s[i] = id + 1;
        return same;
    }

    /** Rebuilds the table with {@code capacity} slots and renumbers the ids densely, dropping free ones. */
    private void compact(int capacity) {
        int[] fresh = new int[capacity];
        int idCapacity = INITIAL_CAPACITY;
        while (idCapacity <= size) {
            idCapacity = twice(idCapacity);
        }
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
        slottedLimit = next;
        freeHead = NO_ID;
    }

    private static void insert(int[] s, int hash, int id) {
        int i = home(hash, s.length);
        while (s[i] != 0) {
            i = next(i, s.length);
        }
        s[i] = id + 1;
    }

    /** The first slot probed for {@code hash} in a table of {@code length} slots (any length). */
    private static int home(int hash, int length) {
        return (int) (((spread(hash) & 0xFFFFFFFFL) * length) >>> 32);
    }

    private static int next(int i, int length) {
        return i + 1 == length ? 0 : i + 1;
    }

    private static int twice(int length) {
        return (length + 4) * 2 - 4;
    }

    private static int half(int length) {
        return (length + 4) / 2 - 4;
    }
}
