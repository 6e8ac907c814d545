package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.cli.oracle.Scenarios;

/** {@code verify} passes a clean ZooKeeper dir and finds and names each planted fault. */
class VerifyTest {
  @TempDir
  Path dir;
  Path v2;

  @BeforeEach
  void writeDataDir() throws Exception {
    Scenarios.standard(dir);
    v2 = dir.resolve("version-2");
  }

  Cli.Result verify() {
    return Cli.run("verify", dir.toString());
  }

  static void assertProblemLine(Cli.Result r, String file, String phrase) {
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("PROBLEM") && l.contains(file) && l.contains(phrase)), r.toString());
    assertTrue(r.out().contains("verdict: PROBLEMS"), r.toString());
  }

  @Test
  void aCleanDirPasses() {
    Cli.Result r = verify();
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("verdict: OK"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("OK") && l.contains("log.d") && l.contains("zxid 0xd..0x18")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("OK") && l.contains("restore") && l.contains("reach 0x24")), r.out());
  }

  @Test
  void findsATornTail() throws Exception {
    Path log = v2.resolve("log.19");
    try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 80, 9, 9}), Scenarios.endOfEntries(log));
    }
    assertProblemLine(verify(), "log.19", "torn tail");
  }

  @Test
  void findsAFlippedByteInTheMiddleOfALog() throws Exception {
    Path log = v2.resolve("log.d");
    long third = Scenarios.entryOffsets(log).get(2);
    RecoverTest.flipByteOfEntry(log, 2);
    assertProblemLine(verify(), "log.d", "offset " + third);
    assertTrue(verify().out().contains("checksum"), verify().out());
  }

  @Test
  void aCorruptEntryInTheNewestLogMakesTheRestoreLineFallShort() throws Exception {
    Path log = v2.resolve("log.19");
    long third = Scenarios.entryOffsets(log).get(2);
    RecoverTest.flipByteOfEntry(log, 2);
    Cli.Result r = verify();
    assertProblemLine(r, "log.19", "offset " + third);
    assertProblemLine(r, "restore", "the logs after snapshot.18 reach only 0x1a; txns up to 0x1b at least (in a"
        + " damaged entry) were logged, so a restore would stop short");
  }

  @Test
  void namesAHugeLengthFieldOnceWithItsOffsetAndZxid() throws Exception {
    Path log = v2.resolve("log.d");
    long third = Scenarios.entryOffsets(log).get(2);
    try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.allocate(4).putInt(0, 0x7ffffff0), third + 8);
    }
    Cli.Result r = verify();
    String line = r.out().lines().filter(l -> l.startsWith("PROBLEM") && l.contains("log.d")).findFirst()
        .orElseThrow(() -> new AssertionError(r.toString()));
    assertTrue(line.contains("offset " + third) && line.contains("zxid 0xf"), line);
    assertTrue(line.contains("found 2147483632"), line);
    assertEquals(1, line.split("offset", -1).length - 1, "the place is named once: " + line);
    assertTrue(r.out().contains("(log.d is not readable past its problem above)"), r.toString());
  }

  @Test
  void zeroedBytesInTheMiddleOfALogAreNamedByTheZxidBeforeThem() throws Exception {
    Path log = v2.resolve("log.d");
    long third = Scenarios.entryOffsets(log).get(2);
    try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.allocate(64), third);
    }
    assertProblemLine(verify(), "log.d", "offset " + third + " (0x" + Long.toHexString(third) + "): ");
    assertProblemLine(verify(), "log.d", "after zxid 0xe");
  }

  @Test
  void aDataDirWithoutLogsPointsToASeparateLogDir(@TempDir Path elsewhere) throws Exception {
    try (var files = Files.list(v2)) {
      for (Path p : files.filter(p -> p.getFileName().toString().startsWith("log.")).toList()) {
        Files.move(p, elsewhere.resolve(p.getFileName()));
      }
    }
    Cli.Result r = verify();
    assertEquals(0, r.code(), r.toString());
    String hint = "if dataLogDir is separate, pass --log-dir or --config";
    assertTrue(r.out().contains("no log file here: " + hint), r.toString());
    Cli.Result dump = Cli.run("log", "dump", dir.toString());
    assertEquals(1, dump.code(), dump.toString());
    assertTrue(dump.err().contains("no log files (" + hint + ")"), dump.toString());
  }

  @Test
  void findsAMissingMiddleLog() throws Exception {
    Files.delete(v2.resolve("log.d"));
    assertProblemLine(verify(), "log.19", "0xd..0x18 are missing between log.1 and log.19");
  }

  @Test
  void findsATruncatedSnapshot() throws Exception {
    Path snap = v2.resolve("snapshot.18");
    long size = Files.size(snap);
    try (FileChannel ch = FileChannel.open(snap, StandardOpenOption.WRITE)) {
      ch.truncate(size / 2);
    }
    assertProblemLine(verify(), "snapshot.18", "snapshot.18");
  }

  @Test
  void findsABadEpochFile() throws Exception {
    Files.writeString(v2.resolve("currentEpoch"), "not-a-number");
    assertProblemLine(verify(), "currentEpoch", "decimal");
  }

  @Test
  void findsAnAcceptedEpochBelowTheCurrentEpoch() throws Exception {
    Files.writeString(v2.resolve("currentEpoch"), "3");
    Files.writeString(v2.resolve("acceptedEpoch"), "2");
    assertProblemLine(verify(), "acceptedEpoch", "below currentEpoch 3");
  }

  /** Rewrites the payload of the third entry of log.d with {@code edit} and a matching checksum. */
  long rewriteThirdEntry(java.util.function.Consumer<ByteBuffer> edit) throws Exception {
    Path log = v2.resolve("log.d");
    long third = Scenarios.entryOffsets(log).get(2);
    try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer prefix = ByteBuffer.allocate(12);
      ch.read(prefix, third);
      ByteBuffer payload = ByteBuffer.allocate(prefix.getInt(8));
      ch.read(payload, third + 12);
      edit.accept(payload);
      java.util.zip.Adler32 a = new java.util.zip.Adler32();
      a.update(payload.array());
      ch.write(ByteBuffer.allocate(8).putLong(0, a.getValue()), third);
      ch.write(payload.rewind(), third + 12);
    }
    return third;
  }

  @Test
  void findsAnEntryOfAnUnknownOpTypeWhoseChecksumIsValid() throws Exception {
    long third = rewriteThirdEntry(p -> p.putInt(28, 99));
    Cli.Result r = verify();
    assertProblemLine(r, "log.d", "offset " + third);
    assertTrue(r.out().contains("Unsupported Txn with type=99"), r.toString());
  }

  @Test
  void deepFindsABodyThatDoesNotDecodeWhereTheFrameCheckSeesNone() throws Exception {
    long third = rewriteThirdEntry(p -> p.putInt(32, 1 << 30));
    assertEquals(0, verify().code(), verify().toString());
    Cli.Result deep = Cli.run("verify", "--deep", dir.toString());
    assertProblemLine(deep, "log.d", "offset " + third);
    // ZooKeeper decodes every entry it reads, and it reads log.d, the file below the snapshot's zxid.
    assertProblemLine(deep, "zookeeper 3.9", "will not start: log.d offset " + third);
  }

  @Test
  void linesComeInFileOrderLogsFirstThoughSnapshotsAreCheckedAlongside() {
    List<String> kinds = verify().out().lines().filter(l -> !l.startsWith("verdict"))
        .map(l -> l.substring(10, 19).strip()).toList();
    int lastLog = kinds.lastIndexOf("log");
    int firstSnapshot = kinds.indexOf("snapshot");
    assertTrue(lastLog >= 0 && firstSnapshot > lastLog, kinds.toString());
    assertEquals(List.of("restore", "start"), kinds.subList(kinds.size() - 2, kinds.size()), kinds.toString());
    List<String> snapshots = verify().out().lines().filter(l -> l.contains(" snapshot "))
        .map(l -> l.substring(19, 41).strip()).toList();
    assertEquals(List.of("snapshot.0", "snapshot.c", "snapshot.18"), snapshots);
  }

  @Test
  void logLinesComeInZxidOrderThoughTheLargestLogIsCheckedFirst() throws Exception {
    List<Path> logs;
    try (var files = Files.list(v2)) {
      logs = files.filter(p -> p.getFileName().toString().startsWith("log.")).toList();
    }
    assertTrue(logs.size() >= 2, logs.toString());
    Path oldest = logs.stream().min(java.util.Comparator.comparingLong(VerifyTest::nameZxid)).orElseThrow();
    Path newest = logs.stream().max(java.util.Comparator.comparingLong(VerifyTest::nameZxid)).orElseThrow();
    long grown = Files.size(newest) + (64 << 20);
    try (FileChannel ch = FileChannel.open(newest, StandardOpenOption.WRITE)) {
      ch.truncate(Files.size(newest));
      ch.write(ByteBuffer.allocate(1), grown - 1);
    }
    assertTrue(Files.size(newest) > Files.size(oldest));
    List<String> names = verify().out().lines().filter(l -> l.contains(" log "))
        .map(l -> l.substring(19, 41).strip()).toList();
    List<String> expected = logs.stream().sorted(java.util.Comparator.comparingLong(VerifyTest::nameZxid))
        .map(p -> p.getFileName().toString()).toList();
    assertEquals(expected, names);
  }

  @Test
  void oneThreadGivesTheSameLinesAsTheDefault() throws Exception {
    Files.write(v2.resolve("currentEpoch"), "x".getBytes());
    Cli.Result parallel = verify();
    Cli.Result single = Cli.run("verify", "--threads", "1", dir.toString());
    assertEquals(1, single.code(), single.toString());
    assertEquals(parallel.out(), single.out());
  }

  @Test
  void threadsBelowOneIsUnusableInput() {
    Cli.Result r = Cli.run("verify", "--threads", "0", dir.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("--threads 0"), r.toString());
    assertEquals(1, r.err().strip().lines().count(), r.toString());
  }

  private static long nameZxid(Path log) {
    return Long.parseLong(log.getFileName().toString().substring(4), 16);
  }

  @Test
  void jsonEndsWithTheVerdict() {
    Cli.Result r = Cli.run("verify", "--json", dir.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().strip().endsWith("{\"verdict\":\"ok\",\"problems\":0,\"checks\":8}"), r.out());
  }
}
