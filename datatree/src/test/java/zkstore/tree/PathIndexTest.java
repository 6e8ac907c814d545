package zkstore.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PathIndexTest {

    private final ZNode root = new ZNode(new byte[0], null);
    private final Map<String, ZNode> parents = new HashMap<>();

    private ZNode node(String path) {
        int slash = path.lastIndexOf('/');
        ZNode parent = slash == 0 ? root : parents.computeIfAbsent(path.substring(0, slash), this::node);
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        ZNode n = new ZNode(p, slash + 1, p.length - slash - 1, null);
        n.parent = parent;
        n.pathHash = PathIndex.hash(p, p.length);
        return n;
    }

    private static ZNode get(PathIndex index, String path) {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        return index.get(p, p.length, PathIndex.hash(p, p.length));
    }

    @Test
    void growingShrinkingAndRegrowingKeepsEveryPathFindableAndRemovedOnesGone() {
        long seed = Long.getLong("zkstore.seed", System.nanoTime());
        System.out.println("PathIndexTest seed=" + seed + " (re-run with -Dzkstore.seed=" + seed + ")");
        SplittableRandom r = new SplittableRandom(seed);
        PathIndex index = new PathIndex();
        Map<String, ZNode> model = new HashMap<>();
        List<String> live = new ArrayList<>();
        int[] targets = {6000, 50, 9000, 0, 3000};
        for (int target : targets) {
            while (live.size() != target) {
                boolean add = live.size() < target ? r.nextInt(4) != 0 : r.nextInt(4) == 0;
                if (add) {
                    String path = "/g" + r.nextInt(40) + "/n" + r.nextInt(1_000_000);
                    ZNode n = node(path);
                    ZNode existing = get(index, path);
                    assertSame(model.get(path), existing, path);
                    if (existing == null) {
                        index.put(n);
                        model.put(path, n);
                        live.add(path);
                    }
                } else if (!live.isEmpty()) {
                    int k = r.nextInt(live.size());
                    String path = live.get(k);
                    live.set(k, live.get(live.size() - 1));
                    live.remove(live.size() - 1);
                    index.remove(model.remove(path));
                    assertNull(get(index, path), path);
                }
            }
            assertEquals(model.size(), index.size());
            for (Map.Entry<String, ZNode> e : model.entrySet()) {
                assertSame(e.getValue(), get(index, e.getKey()), e.getKey());
            }
        }
    }

    @Test
    void removingANodeThatIsNotIndexedChangesNothing() {
        PathIndex index = new PathIndex();
        ZNode a = node("/a");
        index.put(a);
        index.remove(node("/a"));
        assertSame(a, get(index, "/a"));
        assertEquals(1, index.size());
    }

    @Test
    void appendedNodesAreFoundOnceSlottedInBulkOrOneByOne() {
        PathIndex index = new PathIndex();
        List<ZNode> all = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            int count = round == 0 ? 5000 : round == 1 ? 100 : 20000;
            for (int i = 0; i < count; i++) {
                ZNode n = node("/r" + round + "/n" + i);
                index.append(n);
                all.add(n);
            }
            assertNull(index.slotPending());
            assertEquals(all.size(), index.size());
        }
        for (ZNode n : all) {
            assertSame(n, get(index, path(n)));
        }
        assertNull(get(index, "/r0/n5000"));
    }

    @Test
    void slottingFindsARepeatedPathInBulkAndOneByOne() {
        for (int before : new int[] {0, 4000}) {
            PathIndex index = new PathIndex();
            for (int i = 0; i < before; i++) {
                index.append(node("/x/n" + i));
            }
            assertNull(index.slotPending());
            int first = index.append(node("/d/same"));
            index.append(node("/d/other"));
            ZNode again = node("/d/same");
            int second = index.append(again);
            assertEquals(new PathIndex.Repeat(first, second), index.slotPending(), "after " + before + " slotted nodes");
            assertSame(again, index.node(second));
        }
    }

    /**
     * Forty paths repeated in a scrambled order after 5000 nodes: the repeat reported is the first one appended
     * (the table's bucket order is not the append order), with the node it repeats, when all are slotted at
     * once and when the repeats come after the others were slotted.
     */
    @Test
    void slottingReportsTheFirstAppendedRepeatAndTheNodeItRepeatsInBulkAndOneByOne() {
        for (boolean slotOriginalsFirst : new boolean[] {false, true}) {
            PathIndex index = new PathIndex();
            int[] ids = new int[5000];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = index.append(node("/d/n" + i));
                assertEquals(i, ids[i], "ids in append order");
            }
            if (slotOriginalsFirst) {
                assertNull(index.slotPending());
            }
            int firstRepeated = -1;
            int firstRepeat = -1;
            for (int k = 0; k < 40; k++) {
                int original = (k * 7919 + 1234) % ids.length;
                int id = index.append(node("/d/n" + original));
                if (k == 0) {
                    firstRepeated = ids[original];
                    firstRepeat = id;
                }
            }
            assertEquals(new PathIndex.Repeat(firstRepeated, firstRepeat), index.slotPending(),
                    slotOriginalsFirst ? "repeats slotted one by one" : "all slotted in bulk");
        }
    }

    private String path(ZNode n) {
        StringBuilder b = new StringBuilder();
        for (; n.parent != null; n = n.parent) {
            b.insert(0, n.name()).insert(0, '/');
        }
        return b.toString();
    }
}
