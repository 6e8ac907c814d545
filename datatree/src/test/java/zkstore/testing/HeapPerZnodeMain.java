package zkstore.testing;

import java.util.List;
import zkstore.record.Acl;
import zkstore.record.CreateTxn;
import zkstore.record.OpCode;
import zkstore.record.TxnHeader;
import zkstore.tree.ApplyMode;
import zkstore.tree.DataTree;

/**
 * Throwaway heap measurement (not a test): builds N znodes with D-byte data and ~30-char paths in
 * zkstore's tree or ZooKeeper's, and prints retained heap per znode after full GCs. One tree per JVM:
 * {@code java -Xmx4g -cp <test classpath> zkstore.testing.HeapPerZnodeMain zkstore|zookeeper [N] [D]}.
 */
public final class HeapPerZnodeMain {

    private HeapPerZnodeMain() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "zkstore";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int dataSize = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int groups = 1000;
        long before = usedAfterGc();
        Object keep;
        long zxid = 1;
        if (which.equals("zookeeper")) {
            org.apache.zookeeper.server.DataTree t = new org.apache.zookeeper.server.DataTree();
            List<org.apache.zookeeper.data.ACL> open = org.apache.zookeeper.ZooDefs.Ids.OPEN_ACL_UNSAFE;
            t.createNode("/benchmark0", new byte[0], open, 0, -1, zxid++, 1);
            for (int g = 0; g < groups; g++) {
                t.createNode(group(g), new byte[0], open, 0, -1, zxid++, 1);
            }
            for (int i = 0; i < n; i++) {
                t.createNode(node(i, groups), new byte[dataSize], open, 0, -1, zxid++, 1);
            }
            keep = t;
        } else {
            DataTree t = new DataTree();
            t.apply(new TxnHeader(1, 1, zxid++, 1, OpCode.CREATE),
                    new CreateTxn("/benchmark0", new byte[0], Acl.OPEN_ACL_UNSAFE, false, -1), ApplyMode.STRICT);
            for (int g = 0; g < groups; g++) {
                t.apply(new TxnHeader(1, 1, zxid, 1, OpCode.CREATE),
                        new CreateTxn(group(g), new byte[0], Acl.OPEN_ACL_UNSAFE, false, -1), ApplyMode.STRICT);
                zxid++;
            }
            for (int i = 0; i < n; i++) {
                t.apply(new TxnHeader(1, 1, zxid, 1, OpCode.CREATE),
                        new CreateTxn(node(i, groups), new byte[dataSize], Acl.OPEN_ACL_UNSAFE, false, -1), ApplyMode.STRICT);
                zxid++;
            }
            if (t.nodeCount() != n + groups + 5) {
                throw new IllegalStateException("built " + t.nodeCount() + " nodes");
            }
            keep = t;
        }
        long after = usedAfterGc();
        System.out.printf("%s: %d znodes with %d-byte data (paths like %s, %d chars): %.1f bytes/znode retained%n",
                which, n, dataSize, node(123, groups), node(123, groups).length(), (after - before) / (double) (n + groups));
        java.util.function.Predicate<String> lookup = keep instanceof DataTree t ? p -> t.stat(p) != null
                : p -> ((org.apache.zookeeper.server.DataTree) keep).getNode(p) != null;
        java.util.Random rnd = new java.util.Random(1);
        for (int round = 0; round < 5; round++) {
            int lookups = 2_000_000;
            String[] paths = new String[lookups];
            for (int i = 0; i < lookups; i++) {
                paths[i] = new String(node(rnd.nextInt(n), groups).toCharArray());
            }
            long t0 = System.nanoTime();
            int found = 0;
            for (String p : paths) {
                if (lookup.test(p)) {
                    found++;
                }
            }
            long t1 = System.nanoTime();
            System.out.printf("  lookup round %d: %.0f ns per lookup by path (found %d)%n", round, (t1 - t0) / (double) lookups, found);
        }
    }

    private static String group(int g) {
        return String.format("/bench/group-%04d", g).replace("/bench", "/benchmark0");
    }

    private static String node(int i, int groups) {
        return group(i % groups) + String.format("/n%07d", i);
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
