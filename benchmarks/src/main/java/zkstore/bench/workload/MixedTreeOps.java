package zkstore.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A valid sequence of creates (40%), setDatas (40%) and deletes (20%) over a tree holding
 * {@link Znodes}: every target exists when its txn applies, so both sides do every txn's full work.
 */
public final class MixedTreeOps {
  private MixedTreeOps() {}

  /** {@code count} txns following the znodes of {@code base}, generated from {@code seed}. */
  public static List<TreeOp> generate(Znodes base, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> live = new ArrayList<>(base.count() + count);
    for (int i = 0; i < base.count(); i++) {
      live.add(Znodes.leafPath(i));
    }
    int[] cversion = new int[Znodes.GROUPS];
    for (int g = 0; g < Znodes.GROUPS; g++) {
      cversion[g] = base.count() / Znodes.GROUPS + (g < base.count() % Znodes.GROUPS ? 1 : 0);
    }
    List<TreeOp> ops = new ArrayList<>(count);
    long zxid = base.lastZxid();
    for (int k = 0; k < count; k++) {
      zxid++;
      long time = Znodes.BASE_TIME + zxid;
      long client = Znodes.sessionId(k % Znodes.SESSIONS);
      int roll = random.nextInt(10);
      if (roll < 4 || live.isEmpty()) {
        int g = random.nextInt(Znodes.GROUPS);
        String path = Znodes.groupPath(g) + String.format("/new-%010d", k);
        cversion[g]++;
        live.add(path);
        ops.add(new TreeOp(TreeOp.CREATE, path, Znodes.printable(base.dataSize(), k & 255), 0, cversion[g],
            zxid, time, client, k));
      } else if (roll < 8) {
        String path = live.get(random.nextInt(live.size()));
        ops.add(new TreeOp(TreeOp.SET_DATA, path, Znodes.printable(base.dataSize(), (k + 17) & 255), k, 0,
            zxid, time, client, k));
      } else {
        int victim = random.nextInt(live.size());
        String path = live.get(victim);
        live.set(victim, live.get(live.size() - 1));
        live.remove(live.size() - 1);
        ops.add(new TreeOp(TreeOp.DELETE, path, null, 0, 0, zxid, time, client, k));
      }
    }
    return ops;
  }
}
