package zkstore.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import zkstore.record.Acl;
import zkstore.record.CreateContainerTxn;
import zkstore.record.CreateTtlTxn;
import zkstore.record.CreateTxn;
import zkstore.record.MultiTxn;
import zkstore.record.OpCode;
import zkstore.record.SetDataTxn;
import zkstore.record.SubTxn;
import zkstore.record.TxnBody;
import zkstore.record.TxnRecord;
import zkstore.testing.RandomWorkload;
import zkstore.testing.WorkloadConfig;

/**
 * A writer thread applies random txns while another thread walks the tree again and again, as a
 * fuzzy snapshot does. Every walk must list parents before children and untorn nodes (the data a
 * node shows is the data its mzxid's txn wrote), load back, and replaying the log from the zxid
 * read before the walk must reach the live tree's digest.
 */
class FuzzyWalkConcurrencyTest {

    record Walk(long startZxid, Map<Long, List<Acl>> acls, List<NodeRecord> nodes) {
    }

    @Test
    void walksDuringWritesAreUntornAndReplayToTheLiveTree() throws Exception {
        long seed = TreeDifferentialTest.seed();
        System.out.println("FuzzyWalkConcurrencyTest seed=" + seed);
        RandomWorkload w = new RandomWorkload(WorkloadConfig.seeded(seed).withNames(6).withMaxDepth(3));
        List<TxnRecord> log = new CopyOnWriteArrayList<>(w.txns(2_000));
        DataTree live = w.tree();
        AtomicBoolean done = new AtomicBoolean();
        List<Walk> walks = new CopyOnWriteArrayList<>();
        Thread walker = new Thread(() -> {
            try {
                while (!done.get() && walks.size() < 40) {
                    long start = live.lastProcessedZxid();
                    Map<Long, List<Acl>> acls = new LinkedHashMap<>(live.aclCache().entries());
                    List<NodeRecord> nodes = new ArrayList<>();
                    live.walk(r -> {
                        nodes.add(r);
                        acls.putIfAbsent(r.aclKey(), r.acl());
                    });
                    walks.add(new Walk(start, acls, nodes));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "walker");
        walker.start();
        int n = TreeDifferentialTest.count(20_000, 200_000);
        // writes go on until the walker has finished two walks, however little CPU it gets
        for (int i = 0; i < 2_000 || walker.isAlive() && (i < n || walks.size() < 2); i++) {
            log.add(w.next().txn());
        }
        done.set(true);
        walker.join();
        assertTrue(walks.size() >= 2, "walks done: " + walks.size());

        Map<Long, Map<String, byte[]>> written = dataWrittenByZxid(log);
        for (Walk walk : walks) {
            Set<String> seen = new HashSet<>();
            TreeLoader loader = new TreeLoader();
            walk.acls().forEach((k, v) -> {
                if (k != AclCache.OPEN_ACL_KEY) {
                    loader.addAcl(k, v);
                }
            });
            for (NodeRecord r : walk.nodes()) {
                String parent = r.path().isEmpty() ? null : r.path().substring(0, r.path().lastIndexOf('/'));
                assertTrue(parent == null || seen.contains(parent), "parent of " + r.path() + " came first");
                seen.add(r.path());
                Map<String, byte[]> byPath = written.get(r.stat().mzxid());
                if (byPath != null && byPath.containsKey(r.path()) && !r.path().startsWith("/zookeeper")) {
                    assertArrayEquals(byPath.get(r.path()), r.data(), "untorn data of " + r.path() + " at mzxid "
                            + r.stat().mzxid());
                }
                loader.addNode(r.path(), r.data(), r.aclKey(), r.stat());
            }
            DataTree restored = loader.finish(walk.startZxid());
            for (TxnRecord txn : log) {
                if (txn.zxid() > walk.startZxid()) {
                    restored.apply(txn, ApplyMode.REPLAY);
                }
            }
            assertEquals(live.digest(), restored.digest(), "seed " + seed + ": replay after a walk from zxid "
                    + walk.startZxid() + " reached the live digest");
            assertEquals(live.lastProcessedZxid(), restored.lastProcessedZxid());
        }
        System.out.println("walks checked: " + walks.size());
    }

    private static Map<Long, Map<String, byte[]>> dataWrittenByZxid(List<TxnRecord> log) {
        Map<Long, Map<String, byte[]>> out = new HashMap<>();
        for (TxnRecord txn : log) {
            List<TxnBody> bodies = new ArrayList<>();
            if (txn.type() == OpCode.MULTI) {
                ((MultiTxn) txn.body()).txns().stream().map(SubTxn::body).forEach(bodies::add);
            } else if (txn.body() != null) {
                bodies.add(txn.body());
            }
            Map<String, byte[]> m = out.computeIfAbsent(txn.zxid(), z -> new HashMap<>());
            for (TxnBody b : bodies) {
                if (b instanceof CreateTxn c) {
                    m.put(c.path(), c.data());
                } else if (b instanceof CreateContainerTxn c) {
                    m.put(c.path(), c.data());
                } else if (b instanceof CreateTtlTxn c) {
                    m.put(c.path(), c.data());
                } else if (b instanceof SetDataTxn s) {
                    m.put(s.path(), s.data());
                }
            }
        }
        return out;
    }
}
