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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** zkstore's DataTree through snapshot files, checked against ZooKeeper's DataTree on both ends. */
class TreeSnapshotsTest {
  @TempDir
  Path tmp;

  @Test
  void zooKeeperSnapshotLoadsIntoTheZkstoreTreeAndWritesBackToTheSameZooKeeperTree() throws Exception {
    long seed = Seeds.seed("tree round trip");
    ZkTrees.Live live = ZkTrees.random(seed, 600);
    Path zkDir = Files.createDirectories(tmp.resolve("zk"));
    Path zkFile = zkDir.resolve(SnapshotFileName.of(live.zxid, SnapshotCompression.NONE).name());
    ZkTrees.write(live.tree, live.sessions, zkFile, SnapshotCompression.NONE, SnapshotLayout.DIGEST_AND_LAST_ZXID);
    Map<Long, Integer> zkSessions = new HashMap<>();
    DataTree original = ZkTrees.read(zkDir, zkSessions);

    TreeSnapshots.Loaded loaded = TreeSnapshots.load(zkFile);
    assertEquals(original.getTreeDigest(), loaded.tree().digest(), "digest of the loaded zkstore tree");
    assertEquals(live.zxid, loaded.tree().lastProcessedZxid());
    assertEquals(new TreeMap<>(zkSessions), loaded.tree().sessions());

    Path myDir = Files.createDirectories(tmp.resolve("zkstore"));
    SnapshotWriteResult written = TreeSnapshots.write(myDir, loaded.tree(), new SnapshotWriter());
    assertEquals(live.zxid, written.zxid());
    Map<Long, Integer> backSessions = new HashMap<>();
    List<Long> mismatches = new ArrayList<>();
    DataTree back = ZkTrees.read(myDir, backSessions, mismatches);
    assertEquals(ZkTrees.flat(original), ZkTrees.flat(back));
    assertEquals(zkSessions, backSessions);
    assertEquals(original.getTreeDigest(), back.getTreeDigest());
    assertEquals(List.of(), mismatches);
    assertNull(back.getDigestFromLoadedSnapshot() == null ? null : "digest section not consumed");
  }
}
