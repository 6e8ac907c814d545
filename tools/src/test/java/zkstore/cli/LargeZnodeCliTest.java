package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.cli.oracle.ZkDataDirWriter;
import zkstore.cli.oracle.ZooKeeperStartProbe;
import zkstore.oracle.ChildJvm;

/**
 * A data dir written by ZooKeeper with znodes above the default jute.maxbuffer limit, as a ZooKeeper started with
 * {@code -Djute.maxbuffer=4194304} keeps them: 3 MiB in snapshot.5, a 5 MiB setData in log.6. ZooKeeper's start-up
 * runs in child JVMs, since its archive reads the setting once per JVM.
 */
class LargeZnodeCliTest {
  private static final String SETTING = "4194304";

  @TempDir
  static Path tmp;
  static Path dir;
  static long lastZxid;

  @BeforeAll
  static void writeWithZooKeeper() throws IOException {
    dir = tmp.resolve("big");
    try (ZkDataDirWriter w = new ZkDataDirWriter(dir)) {
      w.snapshot();
      long s = w.createSession(0x10000059bb80000L, 30000);
      w.createPlain(s, "/small", "s");
      w.createPlain(s, "/big", null);
      w.setData(s, "/big", bytes(3 << 20, 1));
      w.snapshot();
      w.setData(s, "/big", bytes(5 << 20, 2));
      w.createPlain(s, "/after", "a");
      lastZxid = w.zxid();
    }
  }

  private static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 7 + seed);
    }
    return b;
  }

  @Test
  void verifyNamesTheSettingAndWithItPredictsWhatZooKeeperWithItDoes() throws Exception {
    Cli.Result without = Cli.run("verify", dir.toString());
    assertEquals(1, without.code(), without.toString());
    assertTrue(without.out().contains("log.5 offset 16 (0x10) zxid 0x5: length expected at most 2097150")
        && without.out().contains("intact entry"), without.toString());
    assertTrue(without.out().contains("the logs after snapshot.0 reach only 0x3; txns up to 0x5 at least"),
        without.toString());
    assertTrue(without.out().contains("if ZooKeeper runs with -Djute.maxbuffer=2621470 or more, check again with"
        + " --jute-maxbuffer 2621470"), without.toString());
    assertTrue(zooKeeperStarts(dir).startsWith("fails java.io.IOException"), zooKeeperStarts(dir));

    Cli.Result with = Cli.run("verify", dir.toString(), "--jute-maxbuffer", SETTING);
    assertEquals(0, with.code(), with.toString());
    assertTrue(with.out().contains("replays the logs up to 0x" + Long.toHexString(lastZxid)), with.toString());
    assertEquals("reaches 0x" + Long.toHexString(lastZxid), zooKeeperStarts(dir, "-Djute.maxbuffer=" + SETTING));
  }

  @Test
  void everyCommandThatReadsTheFilesTakesTheSettingAndWithoutItSaysWhichToGive() throws Exception {
    Path v2 = dir.resolve("version-2");
    List<String[]> commands = List.of(
        new String[] {"log", "dump", v2.resolve("log.5").toString()},
        new String[] {"snapshot", "dump", v2.resolve("snapshot.4").toString()},
        new String[] {"export", dir.toString()},
        new String[] {"diff", dir.toString(), dir.toString()},
        new String[] {"chop", v2.resolve("log.5").toString(), "--zxid", "0x5", "--out",
            tmp.resolve("chopped").toString()});
    for (String[] command : commands) {
      String what = String.join(" ", command);
      Cli.Result without = Cli.run(command);
      assertTrue(without.code() != 0, what + "\n" + without);
      assertTrue(without.err().contains("if the ZooKeeper that wrote it runs with -Djute.maxbuffer="), what + "\n"
          + without);
      Cli.Result with = Cli.run(withSetting(command));
      assertEquals(0, with.code(), what + "\n" + with.err());
    }
    Cli.Result purge = Cli.run(withSetting(new String[] {"purge", dir.toString(), "--keep", "1", "--dry-run"}));
    assertEquals(0, purge.code(), purge.toString());
    assertTrue(purge.out().contains("Would remove file") && purge.out().contains("snapshot.0"), purge.toString());
  }

  @Test
  void restoreAndRecoverWithTheSettingWriteDirsZooKeeperWithItStartsFrom() throws Exception {
    Path restored = tmp.resolve("restored");
    Cli.Result restore = Cli.run(withSetting(new String[] {"restore", dir.toString(), "--to-zxid", "0x6", "--out",
        restored.toString()}));
    assertEquals(0, restore.code(), restore.toString());
    assertEquals("reaches 0x6", zooKeeperStarts(restored, "-Djute.maxbuffer=" + SETTING));

    Path recovered = tmp.resolve("recovered");
    Cli.Result recover = Cli.run(withSetting(new String[] {"recover", dir.toString(), "--out",
        recovered.toString()}));
    assertEquals(0, recover.code(), recover.toString());
    assertEquals("reaches 0x6", zooKeeperStarts(recovered, "-Djute.maxbuffer=" + SETTING));
    Cli.Result verify = Cli.run("verify", recovered.toString(), "--jute-maxbuffer", SETTING);
    assertEquals(0, verify.code(), verify.toString());
  }

  @Test
  void anImportOfLargeZnodesNamesTheSettingZooKeeperLoadsItWith() throws Exception {
    Cli.Result export = Cli.run("export", "--json", dir.toString(), "--jute-maxbuffer", SETTING);
    assertEquals(0, export.code(), export.err());
    Path json = Files.writeString(tmp.resolve("tree.jsonl"), export.out());
    Path imported = tmp.resolve("imported");
    int needed = zkstore.jute.JuteMaxBuffer.maxBufferFor(5 << 20);
    Cli.Result refused = Cli.run("import", json.toString(), "--out", imported.toString());
    assertEquals(2, refused.code(), refused.toString());
    assertTrue(refused.err().contains("give --jute-maxbuffer " + needed + " to import it"), refused.toString());
    assertTrue(!Files.exists(imported), "a refused import writes nothing");
    Cli.Result result = Cli.run("import", json.toString(), "--out", imported.toString(), "--jute-maxbuffer",
        Integer.toString(needed));
    assertEquals(0, result.code(), result.toString());
    assertTrue(result.out().contains("ZooKeeper loads this data dir only with -Djute.maxbuffer=" + needed
        + " or more"), result.toString());
    assertTrue(zooKeeperStarts(imported).startsWith("fails"), zooKeeperStarts(imported));
    assertEquals("reaches 0x" + Long.toHexString(lastZxid), zooKeeperStarts(imported, "-Djute.maxbuffer=" + needed));
    assertTrue(zooKeeperStarts(imported, "-Djute.maxbuffer=" + (needed - 1)).startsWith("fails"));
  }

  @Test
  void withoutTheOptionTheJvmsOwnSettingApplies() {
    // ZooKeeper's archive reads the property once per JVM: load it first, so the other tests' oracle keeps the default.
    assertEquals(0xFFFFF, org.apache.jute.BinaryInputArchive.maxBuffer);
    String before = System.getProperty("jute.maxbuffer");
    System.setProperty("jute.maxbuffer", SETTING);
    try {
      Cli.Result verify = Cli.run("verify", dir.toString());
      assertEquals(0, verify.code(), verify.toString());
    } finally {
      if (before == null) {
        System.clearProperty("jute.maxbuffer");
      } else {
        System.setProperty("jute.maxbuffer", before);
      }
    }
  }

  private static String[] withSetting(String[] command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--jute-maxbuffer", SETTING));
    return args.toArray(String[]::new);
  }

  private static String zooKeeperStarts(Path dataDir, String... flags) throws Exception {
    return String.join("\n", ChildJvm.run(List.of(flags), ZooKeeperStartProbe.class, dataDir.toString()));
  }
}
