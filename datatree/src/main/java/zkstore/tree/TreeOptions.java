package zkstore.tree;

/**
 * Immutable settings of a tree.
 *
 * @param extendedTypesEnabled whether owners of the form 0xFF00..|ttl mean TTL nodes
 *        (ZooKeeper's zookeeper.extendedTypesEnabled); when false they are ordinary session owners
 */
public record TreeOptions(boolean extendedTypesEnabled) {

    /** TTL nodes recognised, as every log holding createTTL txns needs. */
    public static final TreeOptions DEFAULT = new TreeOptions(true);
}
