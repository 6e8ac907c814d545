package zkstore.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.server.DataTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.jute.FormatException;
import zkstore.record.Acl;
import zkstore.record.Id;
import zkstore.record.StatPersisted;

/** One hand-built file per historical layout (BookKeeper style), read by zkstore and by ZooKeeper 3.9.3. */
class HistoricalLayoutTest {
  @TempDir
  Path tmp;

  private static final StatPersisted ZERO = new StatPersisted(0, 0, 0, 0, 0, 0, 0, 0, 0);
  private static final long SESSION = 0x100000001L;
  private static final List<Acl> DIGEST_ACL = List.of(new Acl(0x1f, new Id("digest", "bob:hash")));

  /** The common part: header, one session, ACL map, system nodes, an app node and an ephemeral under it. */
  private static HandBuiltSnapshot nodes(boolean withConfig) {
    HandBuiltSnapshot b = new HandBuiltSnapshot().header()
        .sessions(new long[] {SESSION}, new int[] {30000})
        .aclMap(new long[] {1, 2}, List.of(Acl.READ_ACL_UNSAFE, DIGEST_ACL))
        .node("", new byte[0], -1, new StatPersisted(0, 0, 0, 0, 0, 2, 0, 0, 3))
        .node("/zookeeper", new byte[0], -1, ZERO);
    if (withConfig) {
      b.node("/zookeeper/config", new byte[0], 1, new StatPersisted(0, 0, 0, 0, 0, 0, -1, 0, 0));
    }
    return b.node("/zookeeper/quota", new byte[0], -1, ZERO)
        .node("/app", "hello".getBytes(), 2, new StatPersisted(1, 2, 1000, 2000, 1, 1, 0, 0, 3))
        .node("/app/e", null, 2, new StatPersisted(3, 3, 3000, 3000, 0, 0, 0, SESSION, 3))
        .endOfNodes().seal();
  }

  private record Read(SnapshotReadResult result, MemTree tree) {}

  private Read readBoth(String version, byte[] bytes) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(version));
    Path file = dir.resolve("snapshot.3");
    Files.write(file, bytes);
    MemTree mine = new MemTree();
    SnapshotReadResult r = new SnapshotReader().read(file, mine);
    Map<Long, Integer> zkSessions = new HashMap<>();
    DataTree theirs = ZkTrees.read(dir, zkSessions);
    assertEquals(ZkTrees.flat(theirs), mine.flat(), version);
    assertEquals(zkSessions, mine.sessions, version);
    assertEquals(theirs.getTreeDigest(), mine.treeDigest(), version);
    assertEquals(theirs.getTreeDigest(), TreeSnapshots.load(file).tree().digest(), version + " zkstore tree digest");
    assertEquals(5, r.nodes() - (mine.nodes.containsKey("/zookeeper/config") ? 1 : 0));
    return new Read(r, mine);
  }

  @Test
  void zooKeeper34FileHasOneSealAndNoConfigNode() throws Exception {
    Read r = readBoth("3.4", nodes(false).bytes());
    assertEquals(SnapshotLayout.SEAL_ONLY, r.result().layout());
    assertEquals(null, r.result().digest());
    assertFalse(r.result().lastProcessedZxid().isPresent());
    assertFalse(r.tree().nodes.containsKey("/zookeeper/config"));
  }

  @Test
  void zooKeeper35FileHasOneSealAndTheConfigNode() throws Exception {
    Read r = readBoth("3.5", nodes(true).bytes());
    assertEquals(SnapshotLayout.SEAL_ONLY, r.result().layout());
    assertEquals(-1, r.tree().nodes.get("/zookeeper/config").stat().aversion());
  }

  @Test
  void zooKeeper36To38FileHasTheDigestSectionAndTwoSeals() throws Exception {
    MemTree model = readBoth("3.5", nodes(true).bytes()).tree();
    Read r = readBoth("3.8", nodes(true).digest(3, model.treeDigest()).seal().bytes());
    assertEquals(SnapshotLayout.DIGEST, r.result().layout());
    assertEquals(new SnapshotDigest(3, 2, model.treeDigest()), r.result().digest());
  }

  @Test
  void preReleaseHexDigestIsReadAsZooKeeperReadsIt() throws Exception {
    Read r = readBoth("hex", nodes(true).hexDigest(3, 0xabcdef12345L).seal().bytes());
    assertEquals(new SnapshotDigest(3, 1, 0xabcdef12345L), r.result().digest());
  }

  @Test
  void aHexDigestAboveTheSignedRangeIsRefusedAsZooKeeperFailsOnIt() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("hex-unsigned"));
    Path file = dir.resolve("snapshot.3");
    Files.write(file, nodes(true).hexDigest(3, -1L).seal().bytes());
    assertThrows(NumberFormatException.class, () -> ZkTrees.read(dir, new HashMap<>()));
    FormatException e = assertThrows(FormatException.class, () -> new SnapshotReader().verify(file));
    assertTrue(e.getMessage().contains("\"ffffffffffffffff\", expected hex digits"), e.getMessage());
  }

  @Test
  void zooKeeper39FileHasLastProcessedZxidAndThreeSeals() throws Exception {
    MemTree model = readBoth("3.5", nodes(true).bytes()).tree();
    Read r = readBoth("3.9", nodes(true).digest(3, model.treeDigest()).seal().lastZxid(4).seal().bytes());
    assertEquals(SnapshotLayout.DIGEST_AND_LAST_ZXID, r.result().layout());
    assertEquals(4, r.result().lastProcessedZxid().getAsLong());
    assertEquals(3, r.result().nameZxid(), "the file name, not section 9, gives lastProcessedZxid");
  }

  @Test
  void bytesAfterTheThirdSealAreRejected() throws Exception {
    byte[] b = nodes(true).digest(3, 0).seal().lastZxid(4).seal().lastZxid(5).bytes();
    Path file = tmp.resolve("snapshot.3");
    Files.write(file, b);
    FormatException e = assertThrows(FormatException.class, () -> new SnapshotReader().verify(file));
    assertTrue(e.getMessage().contains("after the third seal"), e.getMessage());
  }

  @Test
  void sealNotFollowedBySlashIsRejected() throws Exception {
    byte[] b = nodes(true).bytes();
    b[b.length - 1] = 'x';
    Path file = tmp.resolve("snapshot.3");
    Files.write(file, b);
    FormatException e = assertThrows(FormatException.class, () -> new SnapshotReader().verify(file));
    assertEquals(b.length - 5, e.offset(), e.getMessage());
  }

  @Test
  void freshTreeSnapshotMatchesZooKeepersWorkedExampleByteForByte() throws Exception {
    Path mine = Files.createDirectories(tmp.resolve("mine"));
    SnapshotWriteResult w = TreeSnapshots.write(mine, new zkstore.tree.DataTree(), new SnapshotWriter());
    byte[] bytes = Files.readAllBytes(w.file().path());
    assertEquals("snapshot.0", w.file().path().getFileName().toString());
    assertEquals(478, bytes.length);
    java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(bytes);
    assertEquals(0xb8a23b49L, bb.getLong(478 - 13 - 8 - 13 - 20 - 13));
    assertEquals(0x95b93d59L, bb.getLong(478 - 13 - 8 - 13));
    assertEquals(0xbde83f6dL, bb.getLong(478 - 13));

    Path zk = Files.createDirectories(tmp.resolve("zk"));
    DataTree fresh = new DataTree();
    ZkTrees.write(fresh, new HashMap<>(), zk.resolve("snapshot.0"), SnapshotCompression.NONE,
        SnapshotLayout.DIGEST_AND_LAST_ZXID);
    assertArrayEquals(Files.readAllBytes(zk.resolve("snapshot.0")), bytes);
  }
}
