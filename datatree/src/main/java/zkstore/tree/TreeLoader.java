package zkstore.tree;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import zkstore.jute.FormatException;
import zkstore.record.Acl;
import zkstore.record.StatPersisted;

/**
 * Rebuilds a tree from a snapshot's content: ACL entries first, then nodes in pre-order (a parent
 * before its children; the root as "" or any path without '/'), then {@link #finish}. Children,
 * ephemerals, quota stats and the digest are recomputed; ACL entries no node uses are dropped.
 * Not thread-safe; the tree is not usable until finished.
 */
public final class TreeLoader {

    /** A power of two minus the two longs of an array header, as is every grown length. */
    private static final int INITIAL_OFFSETS = 1022;

    private final DataTree tree;
    private boolean rootSeen;
    private boolean finished;
    /** The node being added's path (standard UTF-8) in {@code path[0, len)}. */
    private byte[] path = new byte[128];
    /** The last added node and its path in {@code lastPath[0, lastLen)}: in pre-order, its ancestors are the usual parents. */
    private byte[] lastPath = new byte[128];
    private int lastLen;
    private ZNode last;
    /** ACL key of the last node, its slot (AclCache.NO_SLOT if none yet) and references not yet counted. */
    private long aclKey;
    private int aclSlot = AclCache.NO_SLOT;
    private long pendingRefs;
    /**
     * recordOffsets[id] is the file offset of the record that added the node with that index id (-1 if not
     * known), for naming both records of a repeated path; the tree's index starts empty and loses no node
     * while loading, so ids run from 0 in the order nodes are added. Dropped when the tree is finished.
     */
    private long[] recordOffsets = new long[INITIAL_OFFSETS];

    /** A loader for a tree with default options. */
    public TreeLoader() {
        this(TreeOptions.DEFAULT);
    }

    /** A loader for a tree with the given options. */
    public TreeLoader(TreeOptions options) {
        this.tree = new DataTree(options, false);
    }

    /** Adds one ACL map entry (key -1 is ignored: it always means OPEN_ACL_UNSAFE). */
    public void addAcl(long key, List<Acl> acl) {
        checkOpen();
        flushAclReferences();
        aclSlot = AclCache.NO_SLOT;
        tree.acls.loadEntry(key, acl);
    }

    /** Adds one session of the snapshot's session table. */
    public void addSession(long sessionId, int timeoutMs) {
        checkOpen();
        tree.sessions.put(sessionId, timeoutMs);
    }

    /**
     * Adds one node whose record offset is not known. Fails with a FormatException (no file/offset; the
     * caller adds them) when the parent has not been added, the path is "/", or the ACL key has no entry.
     * A repeated path fails here or in {@link #finish}, with the offsets of both records where known.
     */
    public void addNode(String path, byte[] data, long aclKey, StatPersisted stat) throws FormatException {
        addNode(path, data, aclKey, stat, -1);
    }

    /** Adds one node whose record starts at {@code offset} in its file; the same checks as above. */
    public void addNode(String path, byte[] data, long aclKey, StatPersisted stat, long offset)
            throws FormatException {
        if (path == null) {
            throw new FormatException("node path null is not allowed (the root is written as \"\")", -1);
        }
        addNode(new RecordNode(DataTree.utf8(path), data, aclKey, stat, offset));
    }

    /** Adds one node read in place; the same checks as {@link #addNode(String, byte[], long, StatPersisted)}. */
    public void addNode(StoredNode n) throws FormatException {
        checkOpen();
        int len = takePath(n.pathBytes(), n.pathOffset(), n.pathLength());
        byte[] p = path;
        if (len == 1 && p[0] == '/') {
            throw new FormatException("node path \"/\" is not allowed (the root is written as \"\")", -1);
        }
        int slot = slotFor(n.aclKey());
        if (slot == AclCache.NO_SLOT) {
            throw new FormatException("node " + pathString(len) + " refers to ACL key " + n.aclKey()
                    + ", which the snapshot's ACL map does not hold", -1);
        }
        int slash = lastSlash(p, len);
        ZNode node;
        if (slash < 0) {
            if (rootSeen) {
                throw new FormatException("a second root node (path \"" + pathString(len) + "\")", -1);
            }
            rootSeen = true;
            node = tree.root;
            node.setData(n.dataBytes(), n.dataOffset(), n.dataLength());
            len = 0;
        } else {
            ZNode parent = recentAncestor(slash);
            if (parent == null) {
                slotPending();
                parent = tree.find(p, slash);
            }
            if (parent == null) {
                String s = pathString(len);
                throw new FormatException("Invalid Datatree, unable to find parent " + s.substring(0, s.lastIndexOf('/'))
                        + " of path " + s + " (a parent must come before its children)", -1);
            }
            node = new ZNode(p, slash + 1, len - slash - 1, n.dataBytes(), n.dataOffset(), n.dataLength());
            node.pathHash = PathIndex.hash(p, len);
            recordOffset(tree.index.append(node), n.offset());
            parent.linkChild(node);
        }
        node.aclSlot = slot;
        node.czxid = n.czxid();
        node.mzxid = n.mzxid();
        node.pzxid = n.pzxid();
        node.ctime = n.ctime();
        node.mtime = n.mtime();
        node.version = n.version();
        node.cversion = n.cversion();
        node.aversion = n.aversion();
        node.ephemeralOwner = n.ephemeralOwner();
        tree.digest += tree.term(p, len, node);
        if (slash >= 0 && node.ephemeralOwner != 0) {
            tree.ephemerals.add(node.ephemeralOwner, pathString(len));
        }
        byte[] previous = lastPath;
        lastPath = p;
        path = previous;
        lastLen = len;
        last = node;
    }

    /**
     * Completes the tree: quota paths and stats recomputed, unused ACL entries dropped. Fails with a
     * FormatException (no file; the offset of the first record that repeats a path) when two nodes have the
     * same path.
     */
    public DataTree finish(long lastProcessedZxid) throws FormatException {
        checkOpen();
        finished = true;
        try {
            slotPending();
        } finally {
            recordOffsets = null;
        }
        flushAclReferences();
        if (!rootSeen) {
            tree.digest += tree.term(new byte[0], 0, tree.root);
        }
        tree.quotas.rebuild();
        tree.acls.purgeUnused();
        tree.lastProcessedZxid = lastProcessedZxid;
        return tree;
    }

    private void recordOffset(int id, long offset) {
        long[] offsets = recordOffsets;
        if (id >= offsets.length) {
            int length = offsets.length;
            while (id >= length) {
                length = (length + 2) * 2 - 2;
            }
            offsets = recordOffsets = Arrays.copyOf(offsets, length);
        }
        offsets[id] = offset;
    }

    /**
     * Indexes the nodes added since the last call (in bulk: see PathIndex); fails on a repeated path with
     * the offset of the first record that repeats one, naming the offset of the record it repeats.
     */
    private void slotPending() throws FormatException {
        PathIndex.Repeat repeat = tree.index.slotPending();
        if (repeat == null) {
            return;
        }
        String detail = "node " + pathOf(tree.index.node(repeat.laterId())) + " appears twice";
        long earlier = recordOffsets[repeat.earlierId()];
        long later = recordOffsets[repeat.laterId()];
        if (earlier >= 0) {
            throw FormatException.namingOffset(detail + ", at offset ", earlier,
                    later >= 0 ? " and in this record" : " and again", later);
        }
        throw new FormatException(detail, later);
    }

    private static String pathOf(ZNode n) {
        StringBuilder b = new StringBuilder();
        for (; n.parent != null; n = n.parent) {
            b.insert(0, n.name()).insert(0, '/');
        }
        return b.toString();
    }

    /** Copies the stored path into {@code path}, as standard UTF-8 (a stored path that is not ASCII goes through String decoding, as ZooKeeper reads it); returns its length. */
    private int takePath(byte[] src, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (src[i] < 0) {
                byte[] utf8 = DataTree.utf8(new String(src, off, len, StandardCharsets.UTF_8));
                return copyPath(utf8, 0, utf8.length);
            }
        }
        return copyPath(src, off, len);
    }

    private int copyPath(byte[] src, int off, int len) {
        if (path.length < len) {
            path = new byte[Math.max(len, path.length * 2)];
        }
        System.arraycopy(src, off, path, 0, len);
        return len;
    }

    private String pathString(int len) {
        return new String(path, 0, len, StandardCharsets.UTF_8);
    }

    private static int lastSlash(byte[] p, int len) {
        for (int i = len - 1; i >= 0; i--) {
            if (p[i] == '/') {
                return i;
            }
        }
        return -1;
    }

    /** The last added node or one of its ancestors if its path is {@code path[0, parentLen)}, else null. */
    private ZNode recentAncestor(int parentLen) {
        ZNode n = last;
        if (n == null || parentLen > lastLen || (parentLen < lastLen && lastPath[parentLen] != '/')
                || !Arrays.equals(path, 0, parentLen, lastPath, 0, parentLen)) {
            return null;
        }
        int len = lastLen;
        while (len > parentLen && n.parent != null) {
            len -= ZNode.nameLength(n.bytes) + 1;
            n = n.parent;
        }
        return len == parentLen ? n : null;
    }

    /** The slot of a node's ACL key, counting its reference (batched while consecutive nodes share a key). */
    private int slotFor(long key) {
        if (key == aclKey && aclSlot != AclCache.NO_SLOT) {
            pendingRefs++;
            return aclSlot;
        }
        flushAclReferences();
        int slot = tree.acls.loadSlot(key);
        aclKey = key;
        aclSlot = slot;
        pendingRefs = slot == AclCache.NO_SLOT ? 0 : 1;
        return slot;
    }

    private void flushAclReferences() {
        if (pendingRefs > 0) {
            tree.acls.loadReferences(aclSlot, pendingRefs);
            pendingRefs = 0;
        }
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("this loader has already finished its tree");
        }
    }

    /** A node given as a path string, data array and stat record. */
    private record RecordNode(byte[] pathBytes, byte[] data, long aclKey, StatPersisted stat, long offset)
            implements StoredNode {
        @Override
        public int pathOffset() {
            return 0;
        }

        @Override
        public int pathLength() {
            return pathBytes.length;
        }

        @Override
        public byte[] dataBytes() {
            return data;
        }

        @Override
        public int dataOffset() {
            return 0;
        }

        @Override
        public int dataLength() {
            return data == null ? -1 : data.length;
        }

        @Override
        public long czxid() {
            return stat.czxid();
        }

        @Override
        public long mzxid() {
            return stat.mzxid();
        }

        @Override
        public long ctime() {
            return stat.ctime();
        }

        @Override
        public long mtime() {
            return stat.mtime();
        }

        @Override
        public int version() {
            return stat.version();
        }

        @Override
        public int cversion() {
            return stat.cversion();
        }

        @Override
        public int aversion() {
            return stat.aversion();
        }

        @Override
        public long ephemeralOwner() {
            return stat.ephemeralOwner();
        }

        @Override
        public long pzxid() {
            return stat.pzxid();
        }
    }
}
