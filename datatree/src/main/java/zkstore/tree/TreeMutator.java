package zkstore.tree;

import java.util.List;
import java.util.Set;
import zkstore.record.Acl;
import zkstore.record.Stat;

/**
 * The primitive changes, each with exactly ZooKeeper's DataTree semantics (including its tolerance
 * of replayed txns). Returns KeeperCode values instead of throwing. Writer thread only; every field
 * change a snapshot walk could see happens under the changed node's lock.
 */
final class TreeMutator {

    /**
     * The aclSlot of a deleted node: its ACL reference is released (the slot may already hold
     * another list), so a walk that still holds the node must leave it out.
     */
    static final int DELETED_SLOT = Integer.MIN_VALUE;

    private final DataTree t;

    TreeMutator(DataTree tree) {
        this.t = tree;
    }

    static int lastSlash(byte[] p) {
        for (int i = p.length - 1; i >= 0; i--) {
            if (p[i] == '/') {
                return i;
            }
        }
        return -1;
    }

    static String parentForWatch(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** Links a node with a zero stat below {@code parent} without touching the parent's stat (system nodes). */
    ZNode linkNew(ZNode parent, byte[] path, byte[] data, int aclSlot) {
        int slash = lastSlash(path);
        ZNode child = new ZNode(path, slash + 1, path.length - slash - 1, data);
        child.aclSlot = aclSlot;
        child.pathHash = PathIndex.hash(path, path.length);
        synchronized (parent) {
            parent.linkChild(child);
        }
        t.index.put(child);
        t.digest += t.term(path, path.length, child);
        return child;
    }

    Stat createNode(String path, byte[] data, List<Acl> acl, long owner, int parentCVersion, long zxid, long time,
                    int[] err) {
        byte[] p = DataTree.utf8(path);
        int slash = lastSlash(p);
        ZNode parent = slash < 0 ? null : t.find(p, slash);
        if (parent == null) {
            err[0] = KeeperCode.NONODE;
            return null;
        }
        int hash = PathIndex.hash(p, p.length);
        ZNode child;
        synchronized (parent) {
            int slot = t.acls.acquire(acl);
            ZNode existing = t.index.get(p, p.length, hash);
            if (existing != null && existing.parent == parent) {
                err[0] = KeeperCode.NODEEXISTS;
                return null;
            }
            if (existing != null) {
                replaceOrphan(p, existing);
            }
            t.digest -= t.term(p, slash, parent);
            if (parentCVersion == -1) {
                parentCVersion = parent.cversion + 1;
            }
            if (parentCVersion > parent.cversion) {
                parent.cversion = parentCVersion;
                parent.pzxid = zxid;
            }
            child = new ZNode(p, slash + 1, p.length - slash - 1, data);
            child.czxid = zxid;
            child.mzxid = zxid;
            child.pzxid = zxid;
            child.ctime = time;
            child.mtime = time;
            child.ephemeralOwner = owner;
            child.aclSlot = slot;
            child.pathHash = hash;
            parent.linkChild(child);
            t.digest += t.term(p, slash, parent);
        }
        t.index.put(child);
        t.digest += t.term(p, p.length, child);
        t.ephemerals.add(owner, path);
        String parentPath = path.substring(0, path.lastIndexOf('/'));
        String childName = path.substring(path.lastIndexOf('/') + 1);
        t.quotas.onCreate(parentPath, childName);
        String prefix = t.quotas.maxPrefix(path);
        if (prefix != null) {
            t.quotas.updateStats(prefix, data == null ? 0 : data.length, 1);
        }
        t.watches.nodeCreated(path, parentForWatch(path), zxid);
        err[0] = KeeperCode.OK;
        return t.wireStat(child);
    }

    int deleteNode(String path, long zxid) {
        byte[] p = DataTree.utf8(path);
        int slash = lastSlash(p);
        ZNode parent = slash < 0 ? null : t.find(p, slash);
        if (parent == null) {
            return KeeperCode.NONODE;
        }
        ZNode node = t.index.get(p, p.length, PathIndex.hash(p, p.length));
        synchronized (parent) {
            t.digest -= t.term(p, slash, parent);
            if (node != null && node.parent == parent) {
                parent.unlinkChild(node);
            }
            if (zxid > parent.pzxid) {
                parent.pzxid = zxid;
            }
            t.digest += t.term(p, slash, parent);
        }
        if (node == null) {
            return KeeperCode.NONODE;
        }
        t.index.remove(node);
        t.digest -= t.term(p, p.length, node);
        long dataLength;
        synchronized (node) {
            t.acls.release(node.aclSlot);
            node.aclSlot = DELETED_SLOT;
            dataLength = ZNode.dataLength(node.bytes);
        }
        t.ephemerals.remove(node.ephemeralOwner, path);
        String parentPath = path.substring(0, path.lastIndexOf('/'));
        String childName = path.substring(path.lastIndexOf('/') + 1);
        t.quotas.onDelete(parentPath, childName);
        String prefix = t.quotas.maxPrefix(path);
        if (prefix != null) {
            t.quotas.updateStats(prefix, -dataLength, -1);
        }
        t.watches.nodeDeleted(path, parentForWatch(path), zxid);
        return KeeperCode.OK;
    }

    /**
     * Replaying a torn fuzzy snapshot can delete a node that still has children; like ZooKeeper, the
     * children stay findable by path (and in the digest) but unreachable from the root, until a
     * create of the same path under a live parent replaces them (also like ZooKeeper, without
     * releasing the orphan's ACL reference).
     */
    private void replaceOrphan(byte[] p, ZNode orphan) {
        t.index.remove(orphan);
        t.digest -= t.term(p, p.length, orphan);
    }

    Stat setData(String path, byte[] data, int version, long zxid, long time, int[] err) {
        byte[] p = DataTree.utf8(path);
        ZNode n = t.find(p, p.length);
        if (n == null) {
            err[0] = KeeperCode.NONODE;
            return null;
        }
        long oldLength;
        Stat stat;
        synchronized (n) {
            oldLength = ZNode.dataLength(n.bytes);
            t.digest -= t.term(p, p.length, n);
            n.setData(data);
            n.mtime = time;
            n.mzxid = zxid;
            n.version = version;
            t.digest += t.term(p, p.length, n);
            stat = t.wireStat(n);
        }
        String prefix = t.quotas.maxPrefix(path);
        if (prefix != null) {
            t.quotas.updateStats(prefix, (data == null ? 0 : data.length) - oldLength, 0);
        }
        t.watches.dataChanged(path, zxid);
        err[0] = KeeperCode.OK;
        return stat;
    }

    Stat setAcl(String path, List<Acl> acl, int version, int[] err) {
        byte[] p = DataTree.utf8(path);
        ZNode n = t.find(p, p.length);
        if (n == null) {
            err[0] = KeeperCode.NONODE;
            return null;
        }
        synchronized (n) {
            t.acls.release(n.aclSlot);
            t.digest -= t.term(p, p.length, n);
            n.aversion = version;
            n.aclSlot = t.acls.acquire(acl);
            t.digest += t.term(p, p.length, n);
            err[0] = KeeperCode.OK;
            return t.wireStat(n);
        }
    }

    /** Raises a node's cversion (and sets pzxid) if {@code cversion} is higher; -1 means current + 1. */
    int setCversionPzxid(String path, int cversion, long zxid) {
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        byte[] p = DataTree.utf8(path);
        ZNode n = t.find(p, p.length);
        if (n == null) {
            return KeeperCode.NONODE;
        }
        synchronized (n) {
            if (cversion == -1) {
                cversion = n.cversion + 1;
            }
            if (cversion > n.cversion) {
                t.digest -= t.term(p, p.length, n);
                n.cversion = cversion;
                n.pzxid = zxid;
                t.digest += t.term(p, p.length, n);
            }
        }
        return KeeperCode.OK;
    }

    /** closeSession: deletes the txn's paths (if given), then the session's remaining ephemerals. */
    void killSession(long session, long zxid, List<String> txnPaths) {
        Set<String> local = t.ephemerals.removeSession(session);
        if (txnPaths != null) {
            for (String path : txnPaths) {
                deleteNode(path, zxid);
            }
            if (local != null) {
                local.removeAll(txnPaths);
            }
        }
        if (local != null) {
            for (String path : local) {
                deleteNode(path, zxid);
            }
        }
    }
}
