package zkstore.prep;

import zkstore.record.TxnRecord;
import zkstore.tree.TxnResult;

/** The txn a 3.9 server would log for a request, and the result of applying it to the tree. */
public record Prepared(TxnRecord txn, TxnResult result) {
}
