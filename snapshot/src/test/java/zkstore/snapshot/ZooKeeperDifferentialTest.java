package zkstore.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.zookeeper.server.DataTree;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** zkstore's snapshot files against ZooKeeper 3.9.3's FileSnap, both directions, every codec and layout. */
class ZooKeeperDifferentialTest {
  @TempDir
  Path tmp;

  static Stream<Arguments> codecsAndLayouts() {
    return Stream.of(SnapshotCompression.values())
        .flatMap(c -> Stream.of(SnapshotLayout.values()).map(l -> Arguments.of(c, l)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("codecsAndLayouts")
  void snapshotWrittenByZooKeeperReadsToTheTreeZooKeeperReads(SnapshotCompression c, SnapshotLayout l)
      throws Exception {
    long seed = Seeds.seed("zk->zkstore " + c + " " + l);
    ZkTrees.Live live = ZkTrees.random(seed, 400);
    Path dir = Files.createDirectories(tmp.resolve("zk"));
    Path file = dir.resolve(SnapshotFileName.of(live.zxid, c).name());
    ZkTrees.write(live.tree, live.sessions, file, c, l);

    MemTree mine = new MemTree();
    SnapshotReadResult result = new SnapshotReader().read(file, mine);
    Map<Long, Integer> zkSessions = new HashMap<>();
    DataTree theirs = ZkTrees.read(dir, zkSessions);

    assertEquals(l, result.layout());
    assertEquals(live.zxid, result.nameZxid());
    assertEquals(ZkTrees.flat(theirs), mine.flat());
    assertEquals(zkSessions, mine.sessions);
    assertEquals(theirs.getTreeDigest(), mine.treeDigest(), "tree digest");
    assertEquals(theirs.getNodeCount() - 1, result.nodes(), "ZooKeeper counts the root twice");
    if (l.hasDigest()) {
      DataTree.ZxidDigest d = live.tree.getLastProcessedZxidDigest();
      assertEquals(new SnapshotDigest(d.getZxid(), d.getDigestVersion(), d.getDigest()), result.digest());
    }
    if (l.hasLastProcessedZxid()) {
      assertEquals(live.zxid, result.lastProcessedZxid().getAsLong());
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("codecsAndLayouts")
  void snapshotWrittenByZkstoreIsByteIdenticalToZooKeepersForTheSameIterationOrder(SnapshotCompression c,
      SnapshotLayout l) throws Exception {
    long seed = Seeds.seed("byte-identical " + c + " " + l);
    ZkTrees.Live live = ZkTrees.random(seed, 400);
    Path zkDir = Files.createDirectories(tmp.resolve("zk"));
    Path zkFile = zkDir.resolve(SnapshotFileName.of(live.zxid, c).name());
    ZkTrees.write(live.tree, live.sessions, zkFile, c, l);

    Path myDir = Files.createDirectories(tmp.resolve("zkstore"));
    SnapshotWriteResult written = new SnapshotWriter(SnapshotWriteOptions.DEFAULT.withCompression(c).withLayout(l))
        .write(myDir, ZkTrees.source(live.tree, live.sessions));

    assertEquals(zkFile.getFileName(), written.file().path().getFileName());
    assertArrayEquals(Files.readAllBytes(zkFile), Files.readAllBytes(written.file().path()));
    assertEquals(Files.size(zkFile), written.fileBytes());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("codecsAndLayouts")
  void snapshotWrittenByZkstoreLoadsInZooKeeperToTheSameTree(SnapshotCompression c, SnapshotLayout l)
      throws Exception {
    long seed = Seeds.seed("zkstore->zk " + c + " " + l);
    ZkTrees.Live live = ZkTrees.random(seed, 400);
    Path zkDir = Files.createDirectories(tmp.resolve("zk"));
    ZkTrees.write(live.tree, live.sessions, zkDir.resolve(SnapshotFileName.of(live.zxid, c).name()), c, l);
    MemTree model = new MemTree();
    new SnapshotReader().read(zkDir.resolve(SnapshotFileName.of(live.zxid, c).name()), model);
    model.lastProcessedZxid = live.zxid + 5;
    model.digest = new SnapshotDigest(live.zxid + 5, 2, model.treeDigest());

    Path myDir = Files.createDirectories(tmp.resolve("zkstore"));
    SnapshotWriteResult written = new SnapshotWriter(SnapshotWriteOptions.DEFAULT.withCompression(c).withLayout(l))
        .write(myDir, model);
    assertTrue(SnapshotFiles.passesPrecheck(written.file()));
    Map<Long, Integer> zkSessions = new HashMap<>();
    List<Long> mismatches = new ArrayList<>();
    DataTree theirs = ZkTrees.read(myDir, zkSessions, mismatches);

    assertEquals(model.flat(), ZkTrees.flat(theirs));
    assertEquals(model.sessions, zkSessions);
    assertEquals(model.treeDigest(), theirs.getTreeDigest());
    assertEquals(live.zxid + 5, theirs.lastProcessedZxid);
    assertEquals(List.of(), mismatches, "ZooKeeper compared the digest section with its loaded tree");
    assertNull(theirs.getDigestFromLoadedSnapshot(), "ZooKeeper consumed the digest section (zxid matched)");
  }
}
