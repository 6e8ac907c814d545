package zkstore.record;

/**
 * One log entry's payload: header, body and digest (null for logs before 3.6 and for some error
 * entries). A body-less closeSession decodes as {@link CloseSessionTxn#BODYLESS}; a null body is
 * accepted when encoding and writes nothing.
 */
public record TxnRecord(TxnHeader header, TxnBody body, TxnDigest digest) {

    public TxnRecord {
        if (header == null) {
            throw new IllegalArgumentException("a txn record always has a header");
        }
    }

    /** The zxid of this txn. */
    public long zxid() {
        return header.zxid();
    }

    /** The op code of this txn. */
    public int type() {
        return header.type();
    }
}
