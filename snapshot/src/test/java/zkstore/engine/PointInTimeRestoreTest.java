package zkstore.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.zookeeper.server.persistence.SnapStream.StreamMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point-in-time restore: the tree as of a zxid Z equals ZooKeeper's tree after exactly the txns up to Z, and
 * the data dir written for Z loads in ZooKeeper (and in zkstore) to that same tree.
 */
class PointInTimeRestoreTest {
  @Test
  void restoreAsOfAZxidEqualsTheTreeAfterExactlyThoseTxnsAndItsDataDirLoadsInZooKeeper(@TempDir Path scratch)
      throws Exception {
    long seed = Long.getLong("zkstore.seed", System.nanoTime());
    System.out.println("PointInTimeRestoreTest seed " + seed);
    Path source = scratch.resolve("source");
    ZkWorkload written = ZkOracle.write(source, source, seed, 900,
        new ZkOracle.Layout(1600, 500, 10, List.of(StreamMode.CHECKED, StreamMode.GZIP)));
    List<Long> zxids = new ArrayList<>();
    ZkWorkload replay = new ZkWorkload(seed, 900);
    for (int i = 0; i < 1600; i++) {
      zxids.add(replay.next().zxid());
    }
    Random random = new Random(seed);
    List<Integer> ordinals = new ArrayList<>(List.of(1, 499, 500, 501, 899, 900, 1600));
    for (int i = 0; i < 4; i++) {
      ordinals.add(1 + random.nextInt(1600));
    }
    ZkWorkload expected = new ZkWorkload(seed, 900);
    ordinals.sort(null);
    int n = 0;
    for (int ordinal : ordinals) {
      long z = zxids.get(ordinal - 1);
      while (expected.lastZxid() != z) {
        expected.next();
      }
      String label = "seed " + seed + ", target " + Zxids.hex(z);
      TreeView want = ZkOracle.view(expected.tree(), expected.sessions(), z);
      StoreRestore.RestoredTree got = StoreRestore.asOf(EngineConfig.of(source), z);
      assertEquals(List.of(), want.differences(ZkstoreView.of(got.tree(), got.report().finalZxid())),
          label + "\n" + got.report().describe());
      Path out = scratch.resolve("out" + n++);
      StoreRestore.writeAsOf(EngineConfig.of(source), z, out, out);
      assertEquals(List.of(), want.differences(ZkOracle.restore(out, out, false)), "ZooKeeper, " + label);
      assertEquals(List.of(), want.differences(RestoreDifferential.view(RestoreDifferential.zkstoreRestore(out))),
          "zkstore, " + label);
    }
    assertEquals(written.lastZxid(), zxids.get(1599));
    RestoreRefusedException beyond = assertThrows(RestoreRefusedException.class,
        () -> StoreRestore.asOf(EngineConfig.of(source), written.lastZxid() + 5));
    assertEquals(RestoreRefusedException.Reason.TARGET_UNREACHABLE, beyond.reason());
    assertTrue(beyond.getMessage().contains(Zxids.hex(written.lastZxid())), beyond.getMessage());
  }
}
