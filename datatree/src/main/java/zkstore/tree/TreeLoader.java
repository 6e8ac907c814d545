package zkstore.tree;

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

    private final DataTree tree;
    private boolean rootSeen;
    private boolean finished;

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
        tree.acls.loadEntry(key, acl);
    }

    /** Adds one session of the snapshot's session table. */
    public void addSession(long sessionId, int timeoutMs) {
        checkOpen();
        tree.sessions.put(sessionId, timeoutMs);
    }

    /**
     * Adds one node. Fails with a FormatException (no file/offset; the caller adds them) when the
     * parent has not been added, the path repeats, is "/", or the ACL key has no entry.
     */
    public void addNode(String path, byte[] data, long aclKey, StatPersisted stat) throws FormatException {
        checkOpen();
        if (path == null || path.equals("/")) {
            throw new FormatException("node path " + (path == null ? "null" : "\"/\"")
                    + " is not allowed (the root is written as \"\")", -1);
        }
        Integer slot = tree.acls.loadReference(aclKey);
        if (slot == null) {
            throw new FormatException("node " + path + " refers to ACL key " + aclKey
                    + ", which the snapshot's ACL map does not hold", -1);
        }
        byte[] p = DataTree.utf8(path);
        int slash = TreeMutator.lastSlash(p);
        ZNode node;
        if (slash < 0) {
            if (rootSeen) {
                throw new FormatException("a second root node (path \"" + path + "\")", -1);
            }
            rootSeen = true;
            node = tree.root;
            node.setData(data);
            p = new byte[0];
        } else {
            ZNode parent = tree.find(p, slash);
            if (parent == null) {
                throw new FormatException("Invalid Datatree, unable to find parent " + path.substring(0, path.lastIndexOf('/'))
                        + " of path " + path + " (a parent must come before its children)", -1);
            }
            int hash = PathIndex.hash(p, p.length);
            if (tree.index.get(p, p.length, hash) != null) {
                throw new FormatException("node " + path + " appears twice", -1);
            }
            node = new ZNode(p, slash + 1, p.length - slash - 1, data);
            node.pathHash = hash;
            parent.linkChild(node);
            tree.index.put(node);
        }
        node.aclSlot = slot;
        node.setStat(stat);
        tree.digest += tree.term(p, p.length, node);
        if (slash >= 0) {
            tree.ephemerals.add(node.ephemeralOwner, path);
        }
    }

    /** Completes the tree: quota paths and stats recomputed, unused ACL entries dropped. */
    public DataTree finish(long lastProcessedZxid) {
        checkOpen();
        finished = true;
        if (!rootSeen) {
            tree.digest += tree.term(new byte[0], 0, tree.root);
        }
        tree.quotas.rebuild();
        tree.acls.purgeUnused();
        tree.lastProcessedZxid = lastProcessedZxid;
        return tree;
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("this loader has already finished its tree");
        }
    }
}
