package zkstore.tree;

/** ZooKeeper's KeeperException codes that txns and request preparation produce. */
public final class KeeperCode {
    public static final int OK = 0;
    public static final int RUNTIMEINCONSISTENCY = -2;
    public static final int MARSHALLINGERROR = -5;
    public static final int BADARGUMENTS = -8;
    public static final int NONODE = -101;
    public static final int NOAUTH = -102;
    public static final int BADVERSION = -103;
    public static final int NOCHILDRENFOREPHEMERALS = -108;
    public static final int NODEEXISTS = -110;
    public static final int NOTEMPTY = -111;
    public static final int SESSIONEXPIRED = -112;
    public static final int INVALIDACL = -114;
    public static final int QUOTAEXCEEDED = -125;

    private KeeperCode() {
    }

    /** ZooKeeper's name of a code, e.g. "NONODE"; "UNKNOWN(n)" for others. */
    public static String name(int code) {
        return switch (code) {
            case OK -> "OK";
            case RUNTIMEINCONSISTENCY -> "RUNTIMEINCONSISTENCY";
            case MARSHALLINGERROR -> "MARSHALLINGERROR";
            case BADARGUMENTS -> "BADARGUMENTS";
            case NONODE -> "NONODE";
            case NOAUTH -> "NOAUTH";
            case BADVERSION -> "BADVERSION";
            case NOCHILDRENFOREPHEMERALS -> "NOCHILDRENFOREPHEMERALS";
            case NODEEXISTS -> "NODEEXISTS";
            case NOTEMPTY -> "NOTEMPTY";
            case SESSIONEXPIRED -> "SESSIONEXPIRED";
            case INVALIDACL -> "INVALIDACL";
            case QUOTAEXCEEDED -> "QUOTAEXCEEDED";
            default -> "UNKNOWN(" + code + ")";
        };
    }
}
