package zkstore.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.zookeeper.server.persistence.SnapStream.StreamMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oracle itself: a data dir ZooKeeper writes restores in ZooKeeper to the workload's shadow tree. */
class ZkOracleSelfTest {
  @Test
  void zooKeeperRestoresWhatTheWorkloadWroteToTheShadowTree(@TempDir Path dir) throws Exception {
    long seed = Long.getLong("zkstore.seed", System.nanoTime());
    System.out.println("seed " + seed);
    ZkWorkload w = ZkOracle.write(dir, dir, seed, 700,
        new ZkOracle.Layout(2000, 450, 10, List.of(StreamMode.CHECKED, StreamMode.GZIP, StreamMode.SNAPPY)));
    TreeView expected = ZkOracle.view(w.tree(), w.sessions(), w.lastZxid());
    TreeView actual = ZkOracle.restore(dir, dir, false);
    assertEquals(List.of(), expected.differences(actual), "seed " + seed);
  }
}
