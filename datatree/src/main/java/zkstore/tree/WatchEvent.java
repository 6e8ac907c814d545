package zkstore.tree;

/**
 * One watch notification.
 *
 * @param type what happened
 * @param path the watched path the event is about ("/" for the root)
 * @param zxid the zxid of the txn that caused it
 */
public record WatchEvent(Type type, String path, long zxid) {

    /** ZooKeeper's node event types. */
    public enum Type {
        NodeCreated, NodeDeleted, NodeDataChanged, NodeChildrenChanged
    }
}
