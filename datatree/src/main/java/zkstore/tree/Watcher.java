package zkstore.tree;

/** Receives watch events on the thread that applies txns, in apply order. */
@FunctionalInterface
public interface Watcher {

    /** Called once per event; must not block or change the tree. */
    void process(WatchEvent event);
}
