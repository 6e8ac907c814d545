package zkstore.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.zookeeper.server.DataTree;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import zkstore.testing.RandomWorkload;
import zkstore.testing.WorkloadConfig;
import zkstore.testing.ZkTreeOracle;

/**
 * The tree helper's RandomWorkload (every txn type, quotas, TTL and container nodes) applied to a zkstore tree and
 * to ZooKeeper's DataTree: each side's snapshot, read by the other, gives the other's tree.
 */
class RandomWorkloadSnapshotTest {
  @TempDir
  Path tmp;

  @ParameterizedTest
  @EnumSource(SnapshotCompression.class)
  void snapshotsCrossBetweenZkstoreAndZooKeeperTreesFedTheSameTxns(SnapshotCompression c) throws Exception {
    long seed = Seeds.seed("random workload " + c);
    RandomWorkload workload = new RandomWorkload(WorkloadConfig.seeded(seed).withDataSize(40));
    ZkTreeOracle oracle = new ZkTreeOracle();
    for (int i = 0; i < 1500; i++) {
      oracle.apply(workload.next().txn());
    }
    zkstore.tree.DataTree ours = workload.tree();
    assertNull(oracle.difference(ours), "the two trees agree before any snapshot");

    Path mine = Files.createDirectories(tmp.resolve("zkstore"));
    SnapshotWriteResult w = TreeSnapshots.write(mine, ours,
        new SnapshotWriter(SnapshotWriteOptions.DEFAULT.withCompression(c)));
    Map<Long, Integer> zkSessions = new HashMap<>();
    List<Long> mismatches = new ArrayList<>();
    DataTree zkRead = ZkTrees.read(mine, zkSessions, mismatches);
    assertEquals(ZkTrees.flat(oracle.tree()), ZkTrees.flat(zkRead));
    assertEquals(oracle.digest(), zkRead.getTreeDigest());
    assertEquals(ours.sessions(), new TreeMap<>(zkSessions));
    assertEquals(List.of(), mismatches);
    assertEquals(ours.lastProcessedZxid(), w.zxid());

    Path theirs = Files.createDirectories(tmp.resolve("zk"));
    Path zkFile = theirs.resolve(SnapshotFileName.of(oracle.lastProcessedZxid(), c).name());
    ZkTrees.write(oracle.tree(), new HashMap<>(ours.sessions()), zkFile, c, SnapshotLayout.DIGEST_AND_LAST_ZXID);
    TreeSnapshots.Loaded loaded = TreeSnapshots.load(zkFile);
    assertNull(oracle.difference(loaded.tree()));
    assertEquals(ours.sessions(), loaded.tree().sessions());
  }
}
