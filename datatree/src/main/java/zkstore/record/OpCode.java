package zkstore.record;

/** ZooKeeper's op codes that can appear in txn logs, with ZooKeeper's names for them. */
public final class OpCode {
    public static final int CREATE = 1;
    public static final int DELETE = 2;
    public static final int SET_DATA = 5;
    public static final int SET_ACL = 7;
    public static final int CHECK = 13;
    public static final int MULTI = 14;
    public static final int CREATE2 = 15;
    public static final int RECONFIG = 16;
    public static final int CREATE_CONTAINER = 19;
    public static final int DELETE_CONTAINER = 20;
    public static final int CREATE_TTL = 21;
    public static final int CREATE_SESSION = -10;
    public static final int CLOSE_SESSION = -11;
    public static final int ERROR = -1;

    private OpCode() {
    }

    /** ZooKeeper's name of {@code type} ("create", "setACL", ...), or "unknown(N)" for other values. */
    public static String name(int type) {
        return switch (type) {
            case CREATE -> "create";
            case DELETE -> "delete";
            case SET_DATA -> "setData";
            case SET_ACL -> "setACL";
            case CHECK -> "check";
            case MULTI -> "multi";
            case CREATE2 -> "create2";
            case RECONFIG -> "reconfig";
            case CREATE_CONTAINER -> "createContainer";
            case DELETE_CONTAINER -> "deleteContainer";
            case CREATE_TTL -> "createTTL";
            case CREATE_SESSION -> "createSession";
            case CLOSE_SESSION -> "closeSession";
            case ERROR -> "error";
            default -> "unknown(" + type + ")";
        };
    }

    /** True for the types a log entry may have at top level (FORMATS.md §2.3). */
    public static boolean isTopLevel(int type) {
        return switch (type) {
            case CREATE_SESSION, CLOSE_SESSION, ERROR, CREATE, DELETE, SET_DATA, SET_ACL, MULTI, CREATE2,
                    RECONFIG, CREATE_CONTAINER, DELETE_CONTAINER, CREATE_TTL -> true;
            default -> false;
        };
    }

    /** True for the types a sub-txn of a multi may have (the ones ZooKeeper's DataTree applies). */
    public static boolean isSubTxn(int type) {
        return switch (type) {
            case CREATE, CREATE2, CREATE_TTL, CREATE_CONTAINER, DELETE, DELETE_CONTAINER, SET_DATA, ERROR, CHECK -> true;
            default -> false;
        };
    }
}
