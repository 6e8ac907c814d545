package zkstore.tree;

/** How {@link DataTree#apply} treats a txn that does not fit the tree. */
public enum ApplyMode {
    /**
     * The txn must fit: a create whose parent is missing or whose node exists, a delete, setData,
     * setACL or closeSession of a missing node fails with its error code and changes nothing
     * (a multi is checked as a whole first). What a live or replicated tree wants.
     */
    STRICT,
    /**
     * ZooKeeper's idempotent replay of a fuzzy snapshot (FORMATS.md §5): failures are tolerated with
     * exactly ZooKeeper's side effects (parent cversion/pzxid fix-ups, partial multis).
     */
    REPLAY
}
