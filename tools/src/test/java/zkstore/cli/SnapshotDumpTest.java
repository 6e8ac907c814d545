package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.cli.oracle.Scenarios;
import zkstore.cli.oracle.ZkDataDirWriter;
import zkstore.cli.oracle.ZkOracle;

/** {@code snapshot dump} agrees with ZooKeeper's SnapshotFormatter and SnapshotRecursiveSummary. */
class SnapshotDumpTest {
  @TempDir
  static Path dir;
  static List<Path> snapshots = new ArrayList<>();

  @BeforeAll
  static void writeDataDir() throws Exception {
    Scenarios.standard(dir);
    try (var s = Files.list(dir.resolve("version-2"))) {
      s.filter(p -> p.getFileName().toString().startsWith("snapshot.")).sorted().forEach(snapshots::add);
    }
  }

  /** SnapshotFormatter's output split into node blocks (order-free: ZooKeeper walks children in hash order) and the rest. */
  static List<String> canonical(String formatterOutput) {
    String[] parts = formatterOutput.split("----\n", -1);
    TreeSet<String> nodes = new TreeSet<>();
    List<String> out = new ArrayList<>();
    out.add(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].startsWith("/")) {
        nodes.add(parts[i]);
      } else {
        String rest = parts[i];
        for (String line : rest.split("\n")) {
          out.add(line);
        }
      }
    }
    out.addAll(1, nodes);
    return out;
  }

  @Test
  void nodesSessionsAndLastZxidAgreeWithSnapshotFormatter() throws Exception {
    assertTrue(snapshots.size() >= 3, snapshots.toString());
    for (Path snap : snapshots) {
      assertDumpMatchesSnapshotFormatter(snap);
    }
  }

  /** Nodes, sessions and last zxid of {@code snapshot dump} equal SnapshotFormatter's, in any child order. */
  static void assertDumpMatchesSnapshotFormatter(Path snap) throws Exception {
    String theirs = ZkOracle.snapshotFormatter(snap);
    Cli.Result r = Cli.run("snapshot", "dump", snap.toString());
    assertEquals(0, r.code(), r.toString());
    int extras = r.out().indexOf("----\nACL cache");
    String ours = r.out().substring(0, extras);
    List<String> t = canonical(theirs);
    List<String> o = canonical(ours);
    java.util.Collections.sort(t.subList(t.indexOf("Session Details (sid, timeout, ephemeralCount):") + 1, t.size() - 1));
    java.util.Collections.sort(o.subList(o.indexOf("Session Details (sid, timeout, ephemeralCount):") + 1, o.size() - 1));
    assertEquals(String.join("\n", t), String.join("\n", o), snap.toString());
  }

  @Test
  void summaryAgreesWithSnapshotRecursiveSummary() throws Exception {
    Path snap = snapshots.get(snapshots.size() - 1);
    for (int depth : new int[] {0, 1, 2}) {
      String theirs = ZkOracle.recursiveSummary(snap, "/", depth);
      Cli.Result r = Cli.run("snapshot", "dump", snap.toString(), "--summary", "/", "--depth", Integer.toString(depth));
      assertEquals(0, r.code(), r.toString());
      assertTrue(sortedBlocks(theirs).size() >= (depth == 1 ? 2 : 3), theirs);
      assertEquals(sortedBlocks(theirs), sortedBlocks(r.out()), "depth " + depth);
    }
  }

  /** Summary lines grouped per node (3 lines each) and sorted: ZooKeeper's child order is hash order. */
  static List<String> sortedBlocks(String s) {
    List<String> lines = s.lines().filter(l -> !l.isEmpty()).toList();
    List<String> blocks = new ArrayList<>();
    for (int i = 0; i + 2 < lines.size(); i += 3) {
      blocks.add(lines.get(i) + "|" + lines.get(i + 1) + "|" + lines.get(i + 2));
    }
    java.util.Collections.sort(blocks);
    return blocks;
  }

  /**
   * A fuzzy snapshot can hold a quota stats node that does not match the nodes it holds; ZooKeeper's load recounts
   * it, and SnapshotFormatter prints the recount. So does snapshot dump, text and JSON.
   */
  @Test
  void quotaStatsAreShownAsZooKeeperRecountsThemOnLoad(@TempDir Path d) throws Exception {
    try (ZkDataDirWriter w = new ZkDataDirWriter(d)) {
      long s = w.createSession(0x1, 30000);
      w.createPlain(s, "/q", "abc");
      w.createPlain(s, "/zookeeper/quota/q", "");
      w.createPlain(s, "/zookeeper/quota/q/zookeeper_limits", "count=10,bytes=100");
      w.createPlain(s, "/zookeeper/quota/q/zookeeper_stats", "count=0,bytes=0");
      w.createPlain(s, "/q/a", "hello");
      w.setData(s, "/zookeeper/quota/q/zookeeper_stats", "count=700,bytes=7000".getBytes());
      w.snapshot();
    }
    Path snap = Scenarios.newestSnapshot(d);
    assertDumpMatchesSnapshotFormatter(snap);
    Cli.Result json = Cli.run("snapshot", "dump", "--json", snap.toString());
    String recounted = java.util.Base64.getEncoder().encodeToString("count=2,bytes=8".getBytes());
    assertTrue(json.out().lines().anyMatch(l -> l.contains("zookeeper_stats") && l.contains(recounted)), json.out());
  }

  @Test
  void jsonHasOneNodeObjectPerZnodeAndTheDigest() throws Exception {
    Path snap = snapshots.get(snapshots.size() - 1);
    Cli.Result r = Cli.run("snapshot", "dump", "--json", snap.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("{\"kind\":\"node\",\"path\":\"/app\"")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("{\"kind\":\"snapshot\"") && l.contains("\"digest\":{")), r.out());
  }
}
