package zkstore.prep;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import zkstore.record.Acl;
import zkstore.record.StatPersisted;
import zkstore.tree.DataTree;

/**
 * What earlier ops of the same multi did to the nodes they touched, over the tree's state
 * (ZooKeeper's outstanding ChangeRecords).
 */
final class PendingChanges {

    /** One node's state as preparation sees it. */
    static final class NodeState {
        int version;
        int cversion;
        int aversion;
        long owner;
        int childCount;
        List<Acl> acl;
    }

    private static final NodeState DELETED = new NodeState();

    private final DataTree tree;
    private final Map<String, NodeState> changed = new HashMap<>();

    PendingChanges(DataTree tree) {
        this.tree = tree;
    }

    /** The node's state, or null if it does not exist. */
    NodeState get(String path) {
        NodeState s = changed.get(path);
        if (s != null) {
            return s == DELETED ? null : s;
        }
        // As ZooKeeper's PrepRequestProcessor, from the stat as stored (cversion counts creates, owners encoded).
        StatPersisted stat = tree.statPersisted(path);
        if (stat == null) {
            return null;
        }
        NodeState n = new NodeState();
        n.version = stat.version();
        n.cversion = stat.cversion();
        n.aversion = stat.aversion();
        n.owner = stat.ephemeralOwner();
        n.childCount = tree.numChildren(path);
        n.acl = tree.acl(path);
        changed.put(path, n);
        return n;
    }

    void created(String path, long owner, List<Acl> acl) {
        NodeState n = new NodeState();
        n.owner = owner;
        n.acl = acl;
        changed.put(path, n);
    }

    void deleted(String path) {
        changed.put(path, DELETED);
    }
}
