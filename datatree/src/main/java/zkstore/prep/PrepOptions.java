package zkstore.prep;

/**
 * Immutable switches of request preparation.
 *
 * @param checkSessions requests of a session the tree does not know fail with SESSIONEXPIRED
 * @param checkAcls ACL permissions are enforced (ZooKeeper's skipACL=no)
 * @param digestEnabled txns carry a TxnDigest (3.6+ default)
 * @param closeSessionTxnEnabled closeSession carries its path list (3.6+ default)
 */
public record PrepOptions(boolean checkSessions, boolean checkAcls, boolean digestEnabled,
                          boolean closeSessionTxnEnabled) {

    /** ZooKeeper 3.9.3's defaults. */
    public static final PrepOptions DEFAULT = new PrepOptions(true, true, true, true);
}
