package zkstore.tree;

/** What a node's ephemeralOwner says it is (FORMATS.md §2.1). */
public enum NodeKind {
    PERSISTENT, EPHEMERAL, CONTAINER, TTL;

    /** ephemeralOwner of a container node. */
    public static final long CONTAINER_OWNER = 0x8000000000000000L;
    /** Largest TTL in ms that the owner encoding can hold. */
    public static final long MAX_TTL = 0xFFFFFFFFFFL;
    private static final long TTL_TAG = 0xFF00000000000000L;
    private static final long RESERVED_BITS = 0x00FFFF0000000000L;

    /** The kind of a node with this owner; without extended types a TTL-looking owner is a session. */
    public static NodeKind of(long ephemeralOwner, boolean extendedTypesEnabled) {
        if (ephemeralOwner == 0) {
            return PERSISTENT;
        }
        if (ephemeralOwner == CONTAINER_OWNER) {
            return CONTAINER;
        }
        if (extendedTypesEnabled && (ephemeralOwner & TTL_TAG) == TTL_TAG && (ephemeralOwner & RESERVED_BITS) == 0) {
            return TTL;
        }
        return EPHEMERAL;
    }

    /**
     * Whether {@code ephemeralOwner} carries the extended-type tag with feature bits no type uses (only TTL's, 0,
     * exists): with extended types on, ZooKeeper's EphemeralType rejects it with an IllegalArgumentException.
     */
    public static boolean unknownExtendedType(long ephemeralOwner) {
        return (ephemeralOwner & TTL_TAG) == TTL_TAG && (ephemeralOwner & RESERVED_BITS) != 0;
    }

    /** The ephemeralOwner that encodes a TTL node with {@code ttlMs}. */
    public static long ttlOwner(long ttlMs) {
        if (ttlMs < 0 || ttlMs > MAX_TTL) {
            throw new IllegalArgumentException("ttl " + ttlMs + " ms is outside 0.." + MAX_TTL);
        }
        return TTL_TAG | ttlMs;
    }

    /** The TTL in ms encoded in a TTL node's owner. */
    public static long ttlOf(long ephemeralOwner) {
        return ephemeralOwner & MAX_TTL;
    }
}
