package zkstore.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.junit.jupiter.api.Test;
import zkstore.record.TxnCodec;
import zkstore.record.TxnRecord;
import zkstore.testing.RandomWorkload;
import zkstore.testing.WorkloadConfig;
import zkstore.testing.ZkTreeOracle;

/**
 * Watches set at random (one-shot data and child, persistent, persistent-recursive) on both trees
 * while the same random txns are applied; every watcher must see the same events in the same order.
 */
class WatchDifferentialTest {

    private static final int WATCHERS = 8;

    @Test
    void watchesFireLikeZooKeepersWatchManagers() throws Exception {
        long seed = TreeDifferentialTest.seed();
        System.out.println("WatchDifferentialTest seed=" + seed);
        Random rnd = new Random(seed);
        RandomWorkload w = new RandomWorkload(WorkloadConfig.seeded(seed).withNames(4).withMaxDepth(3));
        DataTree ours = new DataTree();
        ZkTreeOracle zk = new ZkTreeOracle();
        List<List<String>> mine = new ArrayList<>();
        List<List<String>> theirs = new ArrayList<>();
        List<Watcher> myWatchers = new ArrayList<>();
        List<org.apache.zookeeper.Watcher> zkWatchers = new ArrayList<>();
        for (int i = 0; i < WATCHERS; i++) {
            List<String> m = new ArrayList<>();
            List<String> t = new ArrayList<>();
            mine.add(m);
            theirs.add(t);
            myWatchers.add(e -> m.add(e.type() + " " + e.path() + " " + e.zxid()));
            zkWatchers.add(e -> t.add(e.getType() + " " + e.getPath() + " " + e.getZxid()));
        }
        int events = 0;
        int n = TreeDifferentialTest.count(4_000, 40_000);
        for (int step = 0; step < n; step++) {
            for (int k = rnd.nextInt(3); k > 0; k--) {
                addRandomWatch(rnd, ours, zk, myWatchers, zkWatchers);
            }
            TxnRecord txn = w.next().txn();
            byte[] payload = TxnCodec.encodePayload(txn);
            ours.apply(TxnCodec.decodePayload(payload));
            zk.apply(payload);
            for (int i = 0; i < WATCHERS; i++) {
                List<String> t = theirs.get(i);
                List<String> m = mine.get(i);
                if (t.size() != m.size() || !t.isEmpty() && !t.get(t.size() - 1).equals(m.get(m.size() - 1))) {
                    assertEquals(t, m, "seed " + seed + " watcher " + i + " after " + txn);
                }
            }
        }
        for (int i = 0; i < WATCHERS; i++) {
            assertEquals(theirs.get(i), mine.get(i), "seed " + seed + " watcher " + i + " at the end");
            events += mine.get(i).size();
        }
        System.out.println("watch events compared: " + events);
        assertTrue(events > 100, "the workload fired watches");
    }

    private static void addRandomWatch(Random rnd, DataTree ours, ZkTreeOracle zk, List<Watcher> mine,
                                       List<org.apache.zookeeper.Watcher> theirs) {
        int i = rnd.nextInt(WATCHERS);
        String path = randomPath(rnd);
        int mode = rnd.nextInt(10);
        if (mode < 4) {
            ours.watches().add(path, mine.get(i), WatchMode.DATA);
            try {
                zk.tree().statNode(path, theirs.get(i));
            } catch (KeeperException.NoNodeException e) {
                // the watch stays, as for exists() on a missing node
            }
        } else if (mode < 7) {
            if (ours.exists(path)) {
                ours.watches().add(path, mine.get(i), WatchMode.CHILD);
                try {
                    zk.tree().getChildren(path, null, theirs.get(i));
                } catch (KeeperException.NoNodeException e) {
                    throw new AssertionError("zookeeper lacks " + path, e);
                }
            }
        } else if (mode < 9) {
            ours.watches().add(path, mine.get(i), WatchMode.PERSISTENT);
            zk.tree().addWatch(path, theirs.get(i), ZooDefs.AddWatchModes.persistent);
        } else {
            ours.watches().add(path, mine.get(i), WatchMode.PERSISTENT_RECURSIVE);
            zk.tree().addWatch(path, theirs.get(i), ZooDefs.AddWatchModes.persistentRecursive);
        }
    }

    private static String randomPath(Random rnd) {
        int depth = rnd.nextInt(3);
        StringBuilder b = new StringBuilder();
        for (int d = 0; d <= depth; d++) {
            b.append("/n").append(rnd.nextInt(4));
        }
        return rnd.nextInt(15) == 0 ? "/" : b.toString();
    }
}
