package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import zkstore.cli.oracle.LiveTree;
import zkstore.cli.oracle.Scenarios;
import zkstore.cli.oracle.ServerWorkload;
import zkstore.cli.oracle.ZkOracle;
import zkstore.cli.oracle.ZooKeeperServerProcess;
import zkstore.oracle.TestSeed;

/**
 * The tools on data dirs that real ZooKeeper 3.4 to 3.9 servers wrote: each release runs standalone in a child JVM
 * under a seeded random client workload, taking snapshots every few dozen txns, and is killed with SIGKILL. Then
 * {@code export} must give the tree its clients saw, and the tree ZooKeeper 3.9.3 restores; {@code restore
 * --to-zxid} of a txn half-way must give the tree the clients read right after it; {@code verify} must
 * pass and name the snapshot layout of that release; {@code log dump} and {@code snapshot dump} must print what
 * 3.9.3's TxnLogToolkit and SnapshotFormatter print for every file.
 */
class RealServerDataDirTest {
  private static final boolean HEAVY = Boolean.getBoolean("zkstore.test.heavy");

  @TempDir
  Path tmp;

  @ParameterizedTest(name = "ZooKeeper {0}")
  @ValueSource(strings = {"3.4.14", "3.5.10", "3.6.4", "3.7.2", "3.8.4", "3.9.3"})
  void everyToolReadsTheDataDirTheServerWrote(String version) throws Exception {
    assertTrue(ZooKeeperServerProcess.available(version),
        "no jar of ZooKeeper " + version + " in " + ZooKeeperServerProcess.JARS.toAbsolutePath()
            + " (the tools module's build copies it there before the tests)");
    long seed = TestSeed.resolve("RealServerDataDirTest " + version);
    boolean v34 = version.startsWith("3.4.");
    Path dataDir = Files.createDirectories(tmp.resolve("data"));
    List<String> live;
    long midway;
    List<String> liveMidway;
    try (ZooKeeperServerProcess server = ZooKeeperServerProcess.start(version, dataDir, flags(v34), tmp.resolve("console"))) {
      ServerWorkload workload = new ServerWorkload(server, seed, features(v34));
      int ops = HEAVY ? 3000 : 400;
      ZooKeeper reader = workload.run(ops / 2);
      midway = workload.mark();
      liveMidway = LiveTree.lines(reader);
      workload.run(ops - ops / 2);
      live = LiveTree.lines(reader);
      server.kill();
    }

    assertTrue(live.size() > 8, "the workload left more than the system nodes: " + live);
    List<String> exported = ExportTest.exportLines(dataDir);
    assertEquals(ZkOracle.restoredTree(dataDir), exported, "zkstore's export against ZooKeeper 3.9.3's restore");
    // 3.5 and later add /zookeeper/config to every tree they load; a 3.4 server never had it.
    assertEquals(live, LiveTree.clientView(v34 ? withoutConfigNode(exported) : exported),
        "zkstore's export against the tree the " + version + " server's clients saw before it was killed");

    Path atMidway = tmp.resolve("at-midway");
    Cli.Result restore = Cli.run("restore", dataDir.toString(), "--to-zxid", "0x" + Long.toHexString(midway),
        "--out", atMidway.toString());
    assertEquals(0, restore.code(), restore.toString());
    List<String> exportedMidway = ExportTest.exportLines(atMidway);
    assertEquals(liveMidway, LiveTree.clientView(v34 ? withoutConfigNode(exportedMidway) : exportedMidway),
        "restore --to-zxid " + Long.toHexString(midway) + " against the tree the clients read right after that txn");

    Path v2 = dataDir.resolve("version-2");
    List<Path> logs = files(v2, "log.");
    List<Path> snapshots = files(v2, "snapshot.");
    assertTrue(logs.size() >= 3 && snapshots.size() >= 3, "a workload of several snapshots: " + logs + snapshots);
    Cli.Result verify = Cli.run("verify", dataDir.toString());
    assertEquals(0, verify.code(), verify.toString());
    String layout = v34 || version.startsWith("3.5.") ? "(3.4-3.5 layout)"
        : version.startsWith("3.9.") ? "(3.9 layout)" : "(3.6-3.8 layout)";
    assertEquals(snapshots.size(), verify.out().lines().filter(l -> l.contains(layout)).count(), verify.out());
    for (Path log : logs) {
      Cli.Result dump = Cli.run("log", "dump", log.toString());
      assertEquals(0, dump.code(), dump.toString());
      assertSameLines(ZkOracle.toolkitDump(log), dump.out(), log.toString());
    }
    for (Path snapshot : snapshots) {
      SnapshotDumpTest.assertDumpMatchesSnapshotFormatter(snapshot);
    }
  }

  /**
   * The operator's case: a log entry of the server's own dir is damaged (a flipped byte, as ZooKeeper finds with
   * "CRC check failed" and will not start); {@code recover} writes a copy, and the same release, started on that
   * copy, serves exactly the tree zkstore and ZooKeeper 3.9.3 restore from it; and so does a dir {@code import}
   * builds from that tree's {@code export --json}.
   */
  @ParameterizedTest(name = "ZooKeeper {0}")
  @ValueSource(strings = {"3.4.14", "3.5.10", "3.6.4", "3.7.2", "3.8.4", "3.9.3"})
  void theServerStartsFromTheCopyRecoverWrites(String version) throws Exception {
    long seed = TestSeed.resolve("RealServerDataDirTest " + version);
    boolean v34 = version.startsWith("3.4.");
    Path dataDir = Files.createDirectories(tmp.resolve("data"));
    try (ZooKeeperServerProcess server = ZooKeeperServerProcess.start(version, dataDir, flags(v34), tmp.resolve("console"))) {
      new ServerWorkload(server, seed, features(v34)).run(200);
      server.kill();
    }
    Path damaged = flipAByteInAMiddleEntry(dataDir);
    Path recovered = tmp.resolve("recovered");
    Cli.Result r = Cli.run("recover", dataDir.toString(), "--out", recovered.toString());
    assertTrue(r.code() <= 1 && !r.out().contains("no txn was dropped"), damaged + ":\n" + r);
    Cli.Result verify = Cli.run("verify", recovered.toString());
    assertEquals(0, verify.code(), verify.toString());
    List<String> exported = ExportTest.exportLines(recovered);
    assertEquals(ZkOracle.restoredTree(recovered), exported, "zkstore's export against ZooKeeper 3.9.3's restore");
    try (ZooKeeperServerProcess server =
             ZooKeeperServerProcess.start(version, recovered, flags(v34), tmp.resolve("console-recovered"))) {
      List<String> served = LiveTree.lines(server.connectAsOperator());
      assertEquals(LiveTree.clientView(v34 ? withoutConfigNode(exported) : exported), served,
          "ZooKeeper " + version + " started from the copy recover wrote:\n" + server.console());
    }
    // And a migration through export --json and import: the same tree, served by the same release.
    Path exportFile = tmp.resolve("tree.jsonl");
    Files.write(exportFile, exported);
    Path imported = tmp.resolve("imported");
    Cli.Result i = Cli.run("import", exportFile.toString(), "--out", imported.toString());
    assertEquals(0, i.code(), i.toString());
    try (ZooKeeperServerProcess server =
             ZooKeeperServerProcess.start(version, imported, flags(v34), tmp.resolve("console-imported"))) {
      List<String> served = LiveTree.lines(server.connectAsOperator());
      assertEquals(LiveTree.clientView(v34 ? withoutConfigNode(exported) : exported), served,
          "ZooKeeper " + version + " started from the dir import built:\n" + server.console());
    }
  }

  /**
   * The other direction: the data dir zkstore's storage engine writes in {@code demo} (every node type, sessions,
   * ACLs, multis, several snapshots and logs) is served by a real server exactly as zkstore exports it. From 3.5 on:
   * 3.4 knows no containers or TTL nodes.
   */
  @ParameterizedTest(name = "ZooKeeper {0}")
  @ValueSource(strings = {"3.5.10", "3.6.4", "3.7.2", "3.8.4", "3.9.3"})
  void theServerServesTheDirTheEngineWrote(String version) throws Exception {
    Cli.Result demo = Cli.run("demo", "--dir", tmp.resolve("demo").toString());
    assertEquals(0, demo.code(), demo.toString());
    Path dataDir = tmp.resolve("demo").resolve("data");
    List<String> exported = ExportTest.exportLines(dataDir);
    try (ZooKeeperServerProcess server =
             ZooKeeperServerProcess.start(version, dataDir, flags(false), tmp.resolve("console"))) {
      List<String> served = LiveTree.lines(server.connectAsOperator());
      assertEquals(LiveTree.clientView(exported), served, "ZooKeeper " + version + " on the engine's dir:\n"
          + server.console());
    }
  }

  /** Flips a byte in the payload of a middle entry of the newest log of 3 or more entries; returns that log. */
  private static Path flipAByteInAMiddleEntry(Path dataDir) throws Exception {
    List<Path> logs = new ArrayList<>(files(dataDir.resolve("version-2"), "log."));
    logs.sort(java.util.Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4), 16)));
    for (int i = logs.size() - 1; i >= 0; i--) {
      List<Long> entries = Scenarios.entryOffsets(logs.get(i));
      if (entries.size() >= 3) {
        long at = entries.get(entries.size() / 2) + 12 + 5;
        try (FileChannel ch = FileChannel.open(logs.get(i), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
          ByteBuffer b = ByteBuffer.allocate(1);
          ch.read(b, at);
          b.put(0, (byte) (b.get(0) ^ 0x40)).rewind();
          ch.write(b, at);
        }
        return logs.get(i);
      }
    }
    throw new IllegalStateException("no log of 3 entries: " + logs);
  }

  /** Equal texts, or a failure that shows the first line that differs (binary data printed as escapes). */
  private static void assertSameLines(String expected, String actual, String what) {
    List<String> e = expected.lines().toList();
    List<String> a = actual.lines().toList();
    for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
      assertEquals(escaped(e.get(i)), escaped(a.get(i)), what + ", line " + (i + 1));
    }
    assertEquals(e.size(), a.size(), what + ": line count");
    assertEquals(expected, actual, what);
  }

  private static String escaped(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(c -> b.append(c >= 0x20 && c < 0x7f ? Character.toString(c) : String.format("\\u%04x", c)));
    return b.toString();
  }

  /** A snapshot every few dozen txns, log files grown in 16 KiB steps, TTL nodes allowed from 3.5 on. */
  private static List<String> flags(boolean v34) {
    List<String> flags = new ArrayList<>(List.of("-Dzookeeper.snapCount=40", "-Dzookeeper.preAllocSize=16"));
    if (!v34) {
      flags.add("-Dzookeeper.extendedTypesEnabled=true");
    }
    return flags;
  }

  private static ServerWorkload.Features features(boolean v34) {
    return v34 ? ServerWorkload.Features.V3_4 : ServerWorkload.Features.V3_5_ON;
  }

  private static List<Path> files(Path dir, String prefix) throws Exception {
    try (var s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
  }

  /** A tree's export lines without {@code /zookeeper/config}, as a 3.4 server holds it. */
  private static List<String> withoutConfigNode(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      if (l.startsWith("{\"path\":\"/zookeeper/config\"")) {
        continue;
      }
      out.add(l.startsWith("{\"path\":\"/zookeeper\",") ? l.replace("\"numChildren\":2,", "\"numChildren\":1,") : l);
    }
    return out;
  }
}
