package zkstore.tree;

/** The kinds of watch a client can set. */
public enum WatchMode {
    /** One-shot watch set by getData or exists: NodeCreated, NodeDeleted, NodeDataChanged at the path. */
    DATA,
    /** One-shot watch set by getChildren: NodeChildrenChanged and NodeDeleted at the path. */
    CHILD,
    /** Stays after firing; all four events at the path. */
    PERSISTENT,
    /** Stays after firing; NodeCreated, NodeDeleted, NodeDataChanged at the path and every descendant. */
    PERSISTENT_RECURSIVE
}
