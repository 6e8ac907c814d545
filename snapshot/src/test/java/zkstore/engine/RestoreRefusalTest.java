package zkstore.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.zookeeper.server.persistence.SnapStream.StreamMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stores the restore policy refuses, and the one it starts empty only when asked. */
class RestoreRefusalTest {
  @TempDir
  static Path scratch;
  static Path pristine;

  /** Snapshots at 0, 0x190, 0x320, 0x4b0; logs log.1, log.191, log.321, log.4b1 (one per snapshot interval). */
  @BeforeAll
  static void writeWithZooKeeper() throws Exception {
    pristine = scratch.resolve("pristine");
    ZkOracle.write(pristine, pristine, 7, 0, new ZkOracle.Layout(1500, 400, 10, List.of(StreamMode.CHECKED)));
  }

  private static Path copy(String name) throws IOException {
    Path dir = scratch.resolve(name);
    DataDirs.copy(pristine, dir);
    return dir;
  }

  private static RestoreRefusedException refused(Path dir) {
    return assertThrows(RestoreRefusedException.class, () -> StoreRestore.latest(EngineConfig.of(dir)));
  }

  @Test
  void missingLogInTheMiddleIsRefusedNamingTheMissingRange() throws Exception {
    Path dir = copy("gap");
    Path v2 = dir.resolve("version-2");
    DataDirs.truncate(v2.resolve("snapshot.4b0"), 100);
    DataDirs.truncate(v2.resolve("snapshot.320"), 100);
    Files.delete(v2.resolve("log.321"));
    RestoreRefusedException e = refused(dir);
    assertEquals(RestoreRefusedException.Reason.MISSING_TXNS, e.reason());
    assertTrue(e.getMessage().contains("0x321 to 0x4b0"), e.getMessage());
  }

  @Test
  void noValidSnapshotAndLogsThatDoNotReachBackAreRefusedWithEverySnapshotsReason() throws Exception {
    Path dir = copy("novalid");
    Path v2 = dir.resolve("version-2");
    for (Path s : DataDirs.newestFirst(v2, "snapshot")) {
      DataDirs.flipByte(s, Files.size(s) / 2);
    }
    Files.delete(v2.resolve("log.1"));
    RestoreRefusedException e = refused(dir);
    assertEquals(RestoreRefusedException.Reason.NO_VALID_SNAPSHOT, e.reason());
    assertTrue(e.getMessage().contains("snapshot.4b0") && e.getMessage().contains("snapshot.0"), e.getMessage());
    assertTrue(e.getMessage().contains("0x191"), e.getMessage());
  }

  @Test
  void noSnapshotAndLogsThatDoNotReachBackAreRefused() throws Exception {
    Path dir = copy("nosnap");
    Path v2 = dir.resolve("version-2");
    for (Path s : DataDirs.newestFirst(v2, "snapshot")) {
      Files.delete(s);
    }
    Files.delete(v2.resolve("log.1"));
    assertEquals(RestoreRefusedException.Reason.LOGS_DO_NOT_REACH_BACK, refused(dir).reason());
  }

  @Test
  void corruptEntryFollowedByValidOnesIsRefusedAsZooKeeperRefusesIt() throws Exception {
    Path dir = copy("corrupt");
    Path log = dir.resolve("version-2").resolve("log.4b1");
    DataDirs.flipByte(log, 16 + 8 + 4 + 20);
    assertEquals(RestoreRefusedException.Reason.CORRUPT_LOG, refused(dir).reason());
    Path zkCopy = copy("corrupt-zk");
    DataDirs.flipByte(zkCopy.resolve("version-2").resolve("log.4b1"), 16 + 8 + 4 + 20);
    assertThrows(IOException.class, () -> ZkOracle.restore(zkCopy, zkCopy, false));
  }

  @Test
  void emptyStoreIsRefusedUnlessAnEmptyStartIsAskedForAndThenZooKeeperLoadsIt() throws Exception {
    Path dir = scratch.resolve("empty");
    RestoreRefusedException e = assertThrows(RestoreRefusedException.class,
        () -> StorageEngine.open(EngineConfig.of(dir)));
    assertEquals(RestoreRefusedException.Reason.EMPTY_STORE, e.reason());
    try (StorageEngine engine = StorageEngine.open(EngineConfig.of(dir).withEmptyStart(true))) {
      assertInstanceOf(RestoreReport.EmptyStore.class, engine.restoreReport().start());
      assertEquals(0, engine.lastZxid());
    }
    assertTrue(Files.exists(dir.resolve("version-2").resolve("snapshot.0")));
    assertEquals(0, ZkOracle.restore(dir, dir, false).lastZxid());
    assertInstanceOf(RestoreReport.FromSnapshot.class, StoreRestore.latest(EngineConfig.of(dir)).report().start());
  }
}
