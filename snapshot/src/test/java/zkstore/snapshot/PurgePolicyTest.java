package zkstore.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PurgePolicyTest {
  @TempDir
  Path tmp;

  private static final byte[] VALID = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, '/'};
  private static final byte[] INVALID = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

  private void files(String... names) throws Exception {
    for (String n : names) {
      Files.write(tmp.resolve(n.replace("!", "")), n.endsWith("!") ? INVALID : VALID);
    }
  }

  private static List<String> names(List<Path> paths) {
    return paths.stream().map(p -> p.getFileName().toString()).sorted().toList();
  }

  @Test
  void formatsExampleKeepsThreeNewestValidAndTheLogsTheOldestNeeds() throws Exception {
    files("snapshot.0", "snapshot.d", "snapshot.e!", "snapshot.f", "snapshot.20", "snapshot.25!", "snapshot.30",
        "log.1", "log.5", "log.10", "log.1f", "log.25", "myid");
    PurgePlan plan = PurgePolicy.keepNewest(3).plan(tmp, tmp);
    assertEquals(0xf, plan.oldestKeptZxid());
    assertEquals(List.of("snapshot.30", "snapshot.20", "snapshot.f"),
        plan.keptSnapshots().stream().map(f -> f.path().getFileName().toString()).toList());
    assertEquals(List.of("log.1", "snapshot.0", "snapshot.d", "snapshot.e"), names(plan.deletions()));
    assertEquals(List.of("log.10", "log.1f", "log.25", "log.5"), names(plan.retainedLogs()));
  }

  @Test
  void keepingTwoMovesTheCutToTheSecondNewest() throws Exception {
    files("snapshot.0", "snapshot.d", "snapshot.e!", "snapshot.f", "snapshot.20", "snapshot.25!", "snapshot.30",
        "log.1", "log.5", "log.10", "log.1f", "log.25");
    PurgePlan plan = PurgePolicy.keepNewest(2).plan(tmp, tmp);
    assertEquals(0x20, plan.oldestKeptZxid());
    assertEquals(List.of("log.1", "log.10", "log.5", "snapshot.0", "snapshot.d", "snapshot.e", "snapshot.f"),
        names(plan.deletions()));
    assertEquals(List.of("log.1f", "log.25"), names(plan.retainedLogs()));
  }

  @Test
  void noLogAtOrBeforeTheCutRetainsEveryLog() throws Exception {
    files("snapshot.10", "snapshot.20", "log.15", "log.30");
    PurgePlan plan = PurgePolicy.keepNewest(2).plan(tmp, tmp);
    assertEquals(List.of(), plan.deletions());
    assertEquals(List.of("log.15", "log.30"), names(plan.retainedLogs()));
  }

  @Test
  void noValidSnapshotDeletesNothing() throws Exception {
    files("snapshot.1!", "snapshot.2!", "log.1");
    PurgePlan plan = PurgePolicy.keepNewest(3).plan(tmp, tmp);
    assertEquals(-1, plan.oldestKeptZxid());
    assertEquals(List.of(), plan.deletions());
  }

  @Test
  void fewerValidSnapshotsThanRequestedStillCutsAtTheOldestValid() throws Exception {
    files("snapshot.1!", "snapshot.5", "snapshot.9", "log.1", "log.6");
    PurgePlan plan = PurgePolicy.keepNewest(3).plan(tmp, tmp);
    assertEquals(5, plan.oldestKeptZxid());
    assertEquals(List.of("snapshot.1"), names(plan.deletions()));
    assertEquals(List.of("log.1", "log.6"), names(plan.retainedLogs()));
  }

  @Test
  void randomDirectoriesPurgeExactlyAsZooKeepersPurgeTxnLog() throws Exception {
    long seed = Seeds.seed("purge differential");
    java.util.Random random = new java.util.Random(seed);
    for (int round = 0; round < 40; round++) {
      Path base = Files.createDirectories(tmp.resolve("r" + round));
      Path v2 = Files.createDirectories(base.resolve("version-2"));
      int snaps = 1 + random.nextInt(8);
      for (int i = 0; i < snaps; i++) {
        Files.write(v2.resolve("snapshot." + Long.toHexString(random.nextInt(200))),
            random.nextInt(4) == 0 ? INVALID : VALID);
      }
      int logs = random.nextInt(8);
      for (int i = 0; i < logs; i++) {
        Files.write(v2.resolve("log." + Long.toHexString(1 + random.nextInt(200))), VALID);
      }
      int retain = 3 + random.nextInt(3);
      PurgePlan plan = PurgePolicy.keepNewest(retain).plan(v2, v2);
      java.util.Set<String> before;
      try (var s = Files.list(v2)) {
        before = new java.util.TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
      }
      org.apache.zookeeper.server.PurgeTxnLog.purge(base.toFile(), base.toFile(), retain);
      java.util.Set<String> after;
      try (var s = Files.list(v2)) {
        after = new java.util.TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
      }
      java.util.Set<String> deletedByZk = new java.util.TreeSet<>(before);
      deletedByZk.removeAll(after);
      assertEquals(List.copyOf(deletedByZk), names(plan.deletions()), "round " + round + " files " + before);
    }
  }
}
