package zkstore.record;

/** The txn bodies that act on one znode, so a consumer can ask for the path without a type switch. */
public sealed interface PathTxn permits CreateTxn, CreateContainerTxn, CreateTtlTxn, DeleteTxn, SetDataTxn,
        SetAclTxn, CheckVersionTxn {

    /** The znode this body creates, deletes, changes or checks. */
    String path();
}
