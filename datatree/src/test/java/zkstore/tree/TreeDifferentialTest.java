package zkstore.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import zkstore.record.Acl;
import zkstore.record.CloseSessionTxn;
import zkstore.record.CreateContainerTxn;
import zkstore.record.CreateSessionTxn;
import zkstore.record.CreateTtlTxn;
import zkstore.record.CreateTxn;
import zkstore.record.DeleteTxn;
import zkstore.record.ErrorTxn;
import zkstore.record.MultiTxn;
import zkstore.record.SetAclTxn;
import zkstore.record.SetDataTxn;
import zkstore.record.OpCode;
import zkstore.record.SubTxn;
import zkstore.record.TxnCodec;
import zkstore.record.TxnRecord;
import zkstore.testing.RandomWorkload;
import zkstore.testing.WorkloadConfig;
import zkstore.testing.ZkTreeOracle;

/**
 * Seeded random request streams, prepared by zkstore.prep, encoded by our codec and applied both to
 * zkstore's tree (decoded by our codec) and to ZooKeeper 3.9.3's DataTree (decoded by ZooKeeper):
 * digests compared after every txn, everything (nodes, stats, ACLs, ACL map, ephemerals) every
 * {@value #FULL_EVERY} txns and at the end.
 */
class TreeDifferentialTest {

    private static final int FULL_EVERY = 500;

    static long seed() {
        return Long.getLong("zkstore.seed", System.nanoTime());
    }

    static int count(int normal, int heavy) {
        return Boolean.getBoolean("zkstore.test.heavy") ? heavy : normal;
    }

    @Test
    void randomTxnsLeaveZkstoreAndZooKeeperTreesIdentical() throws Exception {
        long seed = seed();
        int n = count(12_000, 200_000);
        System.out.println("TreeDifferentialTest seed=" + seed + " (re-run with -Dzkstore.seed=" + seed + ")");
        int failedAt = run(seed, n, FULL_EVERY, true);
        if (failedAt >= 0) {
            int first = run(seed, failedAt + 1, 1, false);
            fail("seed " + seed + ": trees differ first after txn #" + first + " (see output above)");
        }
    }

    @Test
    void smallNamespaceWithManyCollisionsStaysIdentical() throws Exception {
        long seed = seed();
        System.out.println("collisions seed=" + seed);
        WorkloadConfig cfg = WorkloadConfig.seeded(seed).withNames(3).withMaxDepth(3).withDataSize(10);
        assertEquals(-1, run(cfg, count(5_000, 50_000), 250, true), "seed " + seed);
    }

    @Test
    void legacyAndRareTxnFormsMatchZooKeeper() throws Exception {
        long s1 = 0x0100000000000001L;
        long s2 = 0x0100000000000002L;
        java.util.List<Acl> open = Acl.OPEN_ACL_UNSAFE;
        java.util.List<TxnRecord> txns = java.util.List.of(
                txn(s1, 1, OpCode.CREATE_SESSION, new CreateSessionTxn(30_000)),
                txn(s2, 2, OpCode.CREATE_SESSION, new CreateSessionTxn(30_000)),
                txn(s1, 3, OpCode.CREATE, new CreateTxn("/legacy", new byte[] {1}, open, false, -1, true)),
                txn(s1, 4, OpCode.CREATE, new CreateTxn("/legacy/e1", null, open, true, -1, true)),
                txn(s1, 5, OpCode.CREATE2, new CreateTxn("/legacy/e2", new byte[0], open, true, 3)),
                txn(s1, 6, OpCode.RECONFIG, new SetDataTxn(DataTree.CONFIG_PATH, "server.1=a:1:2".getBytes(), 1)),
                txn(s1, 7, OpCode.SET_ACL, new SetAclTxn(DataTree.CONFIG_PATH, Acl.READ_ACL_UNSAFE, 0)),
                txn(s1, 8, OpCode.ERROR, new ErrorTxn(KeeperCode.NODEEXISTS)),
                txn(s2, 9, OpCode.CREATE_TTL, new CreateTtlTxn("/ttl", null, open, 4, NodeKind.MAX_TTL)),
                txn(s2, 10, OpCode.CREATE_CONTAINER, new CreateContainerTxn("/legacy/c", null, null, 4)),
                txn(s1, 11, OpCode.CLOSE_SESSION, CloseSessionTxn.BODYLESS),
                txn(s2, 12, OpCode.DELETE_CONTAINER, new DeleteTxn("/legacy/c")),
                txn(s2, 13, OpCode.CLOSE_SESSION, new CloseSessionTxn(java.util.List.of())));
        DataTree ours = new DataTree();
        ZkTreeOracle zk = new ZkTreeOracle();
        for (TxnRecord t : txns) {
            byte[] payload = TxnCodec.encodePayload(t);
            TxnResult r = ours.apply(TxnCodec.decodePayload(payload), ApplyMode.REPLAY);
            assertEquals(zk.apply(payload), r.err(), "result of " + t);
            assertEquals(null, zk.difference(ours), "after " + t);
        }
        assertEquals(0, ours.ephemerals(s1).size());
    }

    private static TxnRecord txn(long session, long zxid, int type, zkstore.record.TxnBody body) {
        return new TxnRecord(new zkstore.record.TxnHeader(session, (int) zxid, zxid, 1_000 * zxid, type), body, null);
    }

    private static int run(long seed, int n, int fullEvery, boolean report) throws Exception {
        return run(WorkloadConfig.seeded(seed), n, fullEvery, report);
    }

    /** Returns -1 if the trees stayed identical, else the index of the txn after which a check failed. */
    private static int run(WorkloadConfig cfg, int n, int fullEvery, boolean report) throws Exception {
        RandomWorkload workload = new RandomWorkload(cfg);
        DataTree replica = new DataTree();
        ZkTreeOracle zk = new ZkTreeOracle();
        Map<String, Integer> types = new TreeMap<>();
        Map<Integer, Integer> errors = new HashMap<>();
        for (int i = 0; i < n; i++) {
            RandomWorkload.Step step = workload.next();
            TxnRecord txn = step.txn();
            byte[] payload = TxnCodec.encodePayload(txn);
            TxnRecord decoded = TxnCodec.decodePayload(payload);
            TxnResult mine = replica.apply(decoded);
            org.apache.zookeeper.server.DataTree.ProcessTxnResult result = zk.applyWithResult(payload);
            count(types, errors, txn, mine);
            boolean full = (i + 1) % fullEvery == 0 || i == n - 1;
            String diff = firstDifference(mine, result, zk, replica, workload, txn, full);
            if (diff != null) {
                System.out.println("seed " + cfg.seed() + " txn #" + i + " " + txn + "\n  request " + step.request()
                        + "\n  " + diff);
                return i;
            }
        }
        if (report) {
            System.out.println("applied " + n + " txns: " + types + ", error codes " + errors + ", nodes "
                    + replica.nodeCount() + ", ACL entries " + replica.aclCache().size());
        }
        return -1;
    }

    /** Null if both trees agree after {@code txn}; else what differs first. */
    private static String firstDifference(TxnResult mine, org.apache.zookeeper.server.DataTree.ProcessTxnResult result,
            ZkTreeOracle zk, DataTree replica, RandomWorkload workload, TxnRecord txn, boolean full) throws Exception {
        if (mine.err() != result.err) {
            return "result code: zookeeper " + result.err + ", zkstore " + mine.err();
        }
        String stat = statDifference(mine, result);
        if (stat != null) {
            return stat;
        }
        if (zk.digest() != replica.digest()) {
            return "digest: zookeeper " + Long.toHexString(zk.digest()) + ", zkstore " + Long.toHexString(replica.digest());
        }
        if (replica.digest() != workload.tree().digest()) {
            return "digest of the preparing tree " + Long.toHexString(workload.tree().digest())
                    + " differs from the replica's " + Long.toHexString(replica.digest());
        }
        if (txn.digest() != null && txn.digest().treeDigest() != zk.digest()) {
            return "logged digest " + Long.toHexString(txn.digest().treeDigest()) + " but zookeeper has "
                    + Long.toHexString(zk.digest());
        }
        return full ? zk.difference(replica) : null;
    }

    /** Null if the stats returned with the result (create2, setData, setACL; per sub-op of a multi) agree. */
    private static String statDifference(TxnResult mine, org.apache.zookeeper.server.DataTree.ProcessTxnResult theirs) {
        zkstore.record.Stat t = ZkTreeOracle.convert(theirs.stat);
        if (!java.util.Objects.equals(t, mine.stat())) {
            return "result stat: zookeeper " + t + ", zkstore " + mine.stat();
        }
        List<org.apache.zookeeper.server.DataTree.ProcessTxnResult> subs =
                theirs.multiResult == null ? List.of() : theirs.multiResult;
        if (subs.size() != mine.multiResults().size()) {
            return "multi results: zookeeper " + subs.size() + ", zkstore " + mine.multiResults().size();
        }
        for (int k = 0; k < subs.size(); k++) {
            String d = statDifference(mine.multiResults().get(k), subs.get(k));
            if (d != null) {
                return "sub-op " + k + " " + d;
            }
        }
        return null;
    }

    private static void count(Map<String, Integer> types, Map<Integer, Integer> errors, TxnRecord txn, TxnResult r) {
        types.merge(OpCode.name(txn.type()), 1, Integer::sum);
        if (txn.type() == OpCode.MULTI) {
            for (SubTxn s : ((MultiTxn) txn.body()).txns()) {
                types.merge("multi." + OpCode.name(s.type()), 1, Integer::sum);
            }
        }
        if (r.err() != 0) {
            errors.merge(r.err(), 1, Integer::sum);
        }
    }
}
