package zkstore.record;

import zkstore.jute.JuteWriter;

/**
 * The closed set of txn bodies a log entry (or a sub-txn of a multi) can carry. Which body goes with
 * which op code is decided by {@link TxnCodec}; the same body type serves several op codes
 * (CreateTxn for create/create2, DeleteTxn for delete/deleteContainer, SetDataTxn for setData/reconfig).
 */
public sealed interface TxnBody permits CreateTxn, CreateContainerTxn, CreateTtlTxn, DeleteTxn, SetDataTxn,
        SetAclTxn, CheckVersionTxn, CreateSessionTxn, CloseSessionTxn, ErrorTxn, MultiTxn {

    /** Writes this body's fields in jute order. */
    void write(JuteWriter w);
}
