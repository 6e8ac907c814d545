package zkstore.record;

/** One op of a multi: its op code and decoded body (on disk: type int, then the body as a jute buffer). */
public record SubTxn(int type, TxnBody body) {

    public SubTxn {
        if (body == null) {
            throw new IllegalArgumentException("a sub-txn always has a body");
        }
    }
}
