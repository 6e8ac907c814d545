package zkstore.tree;

import java.util.List;
import zkstore.record.Stat;

/**
 * What applying one txn did.
 *
 * @param zxid the txn's zxid
 * @param type the op code applied (sub-ops of a failed multi become error, -1)
 * @param err 0 or the KeeperException code; for a multi the first non-zero sub-op code
 * @param path the path the op named (created path for creates), null for session ops
 * @param stat the node's stat after create2/createTTL/createContainer/setData/setACL, else null
 * @param multiResults one result per sub-op for a multi, else empty
 */
public record TxnResult(long zxid, int type, int err, String path, Stat stat, List<TxnResult> multiResults) {

    public TxnResult {
        multiResults = List.copyOf(multiResults);
    }

    static TxnResult of(long zxid, int type, int err, String path, Stat stat) {
        return new TxnResult(zxid, type, err, path, stat, List.of());
    }

    /** True when err is 0. */
    public boolean ok() {
        return err == 0;
    }
}
