package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.zookeeper.server.ZKDatabase;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;
import org.apache.zookeeper.server.persistence.SnapStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import zkstore.cli.oracle.DirCopy;
import zkstore.cli.oracle.Scenarios;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.cli.verify.DataDirVerifier;
import zkstore.cli.verify.FileCheck;
import zkstore.oracle.TestSeed;

/**
 * verify's {@code start} line against the real ZooKeeper 3.9.3 starting from the same directory: the line says
 * ZooKeeper will not start exactly when {@code ZKDatabase.loadDataBase} throws, and otherwise names the zxid
 * ZooKeeper reaches. The standard scenario loads snapshot.18 and replays log.19 (0x19..0x24).
 */
class VerifyPredictsZooKeeperStartTest {
  private static final Pattern REPLAYS = Pattern.compile("loads snapshot\\.(\\w+)(?:\\.\\w+)? \\(0x\\w+\\)"
      + "(?: and replays the logs up to 0x(\\w+))?");
  private static final int ROUNDS = Boolean.getBoolean("zkstore.test.heavy") ? 3000 : 300;

  @TempDir
  static Path tmp;
  static Path plain;
  static long lastZxid;

  @BeforeAll
  static void writeTemplate() throws IOException {
    // ZooKeeper checks extended owners only with TTL nodes on, as zkstore's tree (and verify's line) assumes.
    System.setProperty("zookeeper.extendedTypesEnabled", "true");
    plain = tmp.resolve("template");
    lastZxid = Scenarios.standard(plain);
  }

  /** The verdict of verify's start line: null where ZooKeeper does not start, else the zxid it reaches. */
  record Prediction(boolean starts, long reaches, FileCheck line) {}

  static Prediction predict(Path dataDir) throws IOException {
    return predict(dataDir, false);
  }

  /** {@code deep}: verify decodes every txn body, so it finds one that does not decode in a file that frames well. */
  static Prediction predict(Path dataDir, boolean deep) throws IOException {
    Path v2 = dataDir.resolve("version-2");
    List<FileCheck> lines = new ArrayList<>();
    new DataDirVerifier(new DataDirLayout(v2, v2), lines::add, b -> { }, deep, 1).run();
    FileCheck start = lines.stream().filter(c -> c.kind().equals("start")).findFirst().orElseThrow();
    boolean starts = start.problems().stream().noneMatch(p -> p.contains("will not start"));
    long reaches = -1;
    Matcher m = REPLAYS.matcher(start.summary());
    if (m.find()) {
      reaches = m.group(2) != null ? Long.parseLong(m.group(2), 16) : Long.parseLong(m.group(1), 16);
    }
    return new Prediction(starts, reaches, start);
  }

  /** What ZooKeeper's start-up load does: the zxid it reaches, or the exception that stops it. */
  static Object zooKeeperLoads(Path dataDir) {
    try {
      FileTxnSnapLog snapLog = new FileTxnSnapLog(dataDir.toFile(), dataDir.toFile());
      try {
        return new ZKDatabase(snapLog).loadDataBase();
      } finally {
        snapLog.close();
      }
    } catch (IOException | RuntimeException | Error e) {
      // snappy-java fails a bad chunk header with SnappyError, an Error, which stops ZooKeeper as well.
      return e;
    }
  }

  static Path copy(String name) throws IOException {
    Path d = tmp.resolve(name);
    DirCopy.copy(plain, d);
    return d;
  }

  static Prediction assertSameVerdict(Path dir, String what) throws IOException {
    return assertSameVerdict(dir, what, false);
  }

  static Prediction assertSameVerdict(Path dir, String what, boolean deep) throws IOException {
    Prediction p = predict(dir, deep);
    Object zk = zooKeeperLoads(dir);
    String context = what + ": verify said " + p.line() + "; ZooKeeper " + (zk instanceof Long z ? "reached 0x"
        + Long.toHexString(z) : "threw " + zk);
    assertEquals(!(zk instanceof Throwable), p.starts(), context);
    if (zk instanceof Long z) {
      assertEquals((long) z, p.reaches(), context);
    }
    return p;
  }

  /**
   * Verify's start line says ZooKeeper will not start, naming each of {@code phrases}; ZooKeeper indeed throws, and
   * it starts from the copy {@code zkstore recover} writes.
   */
  static void assertZooKeeperStops(Path d, String what, boolean deep, String... phrases) throws IOException {
    Prediction p = predict(d, deep);
    assertFalse(p.starts(), p.line().toString());
    for (String phrase : phrases) {
      assertTrue(p.line().problems().get(0).contains(phrase), p.line().toString());
    }
    assertSameVerdict(d, what, deep);
    assertRecoveredCopyStarts(d, what);
  }

  /** The line's advice holds: ZooKeeper starts from the copy {@code zkstore recover} writes. */
  static void assertRecoveredCopyStarts(Path damaged, String what) throws IOException {
    Path out = damaged.resolveSibling(damaged.getFileName() + "-recovered");
    Cli.Result r = Cli.run("recover", damaged.toString(), "--out", out.toString());
    Object zk = zooKeeperLoads(out);
    assertTrue(zk instanceof Long, what + ": ZooKeeper on the recovered copy threw " + zk + "; recover said " + r);
    Prediction p = predict(out);
    assertTrue(p.starts() && p.line().ok(), what + ": verify of the recovered copy said " + p.line());
    deleteTree(out);
  }

  @Test
  void aCleanDirStartsFromTheNewestSnapshotAndReachesTheLastZxid() throws IOException {
    Path d = copy("clean");
    Prediction p = predict(d);
    assertTrue(p.line().ok(), p.line().toString());
    assertEquals("loads snapshot.18 (0x18) and replays the logs up to 0x24", p.line().summary(), p.line().toString());
    assertEquals(lastZxid, p.reaches());
    assertSameVerdict(d, "clean");
  }

  @Test
  void anEmptyLogThatIsNotTheNewestStopsZooKeeperThoughZkstoreReadsPastIt() throws IOException {
    Path d = copy("empty-middle");
    Files.createFile(d.resolve("version-2/log.25"));
    Files.write(d.resolve("version-2/log.30"), Files.readAllBytes(plain.resolve("version-2/log.1")),
        StandardOpenOption.CREATE_NEW);
    truncate(d.resolve("version-2/log.30"), 16);
    assertZooKeeperStops(d, "empty log.25 before a header-only log.30", false, "log.25 offset 0", "zkstore recover");
  }

  @Test
  void anEmptyNewestLogIsDeletedByZooKeeperAndVerifySaysSoWithoutDeletingIt() throws IOException {
    Path d = copy("empty-newest");
    Path empty = Files.createFile(d.resolve("version-2/log.25"));
    Prediction p = predict(d);
    assertTrue(p.starts() && p.line().ok(), p.line().toString());
    assertTrue(p.line().summary().contains("deletes the empty newest log log.25"), p.line().toString());
    assertTrue(Files.exists(empty), "verify must not delete anything");
    assertSameVerdict(d, "empty newest log.25");
  }

  @Test
  void aBadChecksumInATornLastEntryStopsZooKeeperThoughZkstoreSkipsItAsATornTail() throws IOException {
    Path d = copy("torn-crc");
    Path log = d.resolve("version-2/log.19");
    List<Long> offsets = Scenarios.entryOffsets(log);
    long last = offsets.get(offsets.size() - 1);
    flipBit(log, last + 12 + 3, 0);
    assertZooKeeperStops(d, "flipped payload byte in the last entry of log.19", false, "CRC check failed");
  }

  @Test
  void aPartialEntryInAnOlderLogMakesZooKeeperSkipTheRestOfThatFileAndGoOn() throws IOException {
    Path d = copy("partial-older");
    // snapshot.18 fails its precheck, so ZooKeeper loads snapshot.c and reads log.d, then log.19.
    truncate(d.resolve("version-2/snapshot.18"), Files.size(d.resolve("version-2/snapshot.18")) - 1);
    Path log = d.resolve("version-2/log.d");
    List<Long> offsets = Scenarios.entryOffsets(log);
    long entry = offsets.get(offsets.size() / 2);
    int len = ByteBuffer.wrap(Files.readAllBytes(log)).getInt((int) entry + 8);
    flipBit(log, entry + 12 + len, 1);
    Prediction p = predict(d);
    assertTrue(p.starts(), p.line().toString());
    assertTrue(p.line().problems().get(0).contains("skips the rest of log.d"), p.line().toString());
    assertSameVerdict(d, "end-of-record byte of a middle entry of log.d, snapshot.18 cut");
  }

  @Test
  void aTornEntryInAnOlderLogFollowedByANewFileGoingOnRightAfterItLosesNothing() throws IOException {
    Path d = copy("restarted");
    // A crash mid-append, then a restart: log.19 ends in a torn copy of its 6th entry, and the new file starts
    // with that entry (zxid 0x1e), as ZooKeeper and zkstore both go on after a restart.
    Path log = d.resolve("version-2/log.19");
    byte[] bytes = Files.readAllBytes(log);
    long sixth = Scenarios.entryOffsets(log).get(5);
    long end = Scenarios.endOfEntries(log);
    byte[] next = new byte[(int) (16 + end - sixth)];
    System.arraycopy(bytes, 0, next, 0, 16);
    System.arraycopy(bytes, (int) sixth, next, 16, (int) (end - sixth));
    Files.write(d.resolve("version-2/log.1e"), next);
    truncate(log, sixth + 20);
    Prediction p = predict(d);
    assertTrue(p.starts() && p.line().ok(), p.line().toString());
    assertTrue(p.line().summary().contains("up to 0x24; stops reading log.19 at offset " + sixth), p.line().toString());
    assertSameVerdict(d, "log.19 torn at its 6th entry, log.1e holding it and the rest");
  }

  @Test
  void aGzipSnapshotCutInItsTrailerStillLoadsInZooKeeperThoughZkstoreRefusesIt() throws IOException {
    Path d = tmp.resolve("gz-trailer");
    DirCopy.copy(template(SnapStream.StreamMode.GZIP), d);
    Path snap = d.resolve("version-2/snapshot.18.gz");
    truncate(snap, Files.size(snap) - 4);
    Cli.Result r = Cli.run("verify", d.toString());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("PROBLEM   snapshot snapshot.18.gz")), r.toString());
    Prediction p = predict(d);
    assertTrue(p.starts() && p.line().ok(), p.line().toString());
    assertTrue(p.line().summary().startsWith("loads snapshot.18.gz (0x18)"), p.line().toString());
    assertSameVerdict(d, "snapshot.18.gz without the last 4 bytes of its gzip trailer");
  }

  @Test
  void aSnappyChunkLengthAboveSnappyJavasLimitStopsZooKeeperWithAnError() throws IOException {
    Path d = tmp.resolve("snappy-chunk");
    DirCopy.copy(template(SnapStream.StreamMode.SNAPPY), d);
    // After snappy-java's 16-byte stream header comes the first chunk's length; 1 GiB is above its 512 MiB limit.
    write(d.resolve("version-2/snapshot.18.snappy"), 16, ByteBuffer.allocate(4).putInt(0, 1 << 30));
    assertZooKeeperStops(d, "first chunk length of snapshot.18.snappy set to 1 GiB", false,
        "snapshot.18.snappy: org.xerial.snappy.SnappyError");
  }

  @Test
  void anAclListCountOfMinusOneStopsZooKeeperInsteadOfFallingBackToAnOlderSnapshot() throws IOException {
    Path d = copy("acl-null-vector");
    Path snap = d.resolve("version-2/snapshot.18");
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(snap));
    int aclMap = aclMapAt(b);
    write(snap, aclMap + 4 + 8, ByteBuffer.allocate(4).putInt(0, -1));
    assertZooKeeperStops(d, "ACL list count -1 in snapshot.18", false,
        "snapshot.18: RuntimeException \"missing acls\"");
  }

  @Test
  void aNullAclSchemeStopsZooKeeperAndZkstoreRefusesTheSnapshotToo() throws IOException {
    Path d = copy("null-scheme");
    Path snap = d.resolve("version-2/snapshot.18");
    byte[] bytes = Files.readAllBytes(snap);
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int scheme = aclMapAt(b) + 4 + 8 + 4 + 4;
    int len = b.getInt(scheme);
    ByteBuffer out = ByteBuffer.allocate(bytes.length - len);
    out.put(bytes, 0, scheme).putInt(-1).put(bytes, scheme + 4 + len, bytes.length - scheme - 4 - len);
    Files.write(snap, out.array());
    Cli.Result r = Cli.run("verify", d.toString());
    assertTrue(r.out().lines()
        .anyMatch(l -> l.startsWith("PROBLEM   snapshot snapshot.18") && l.contains("null scheme")),
        r.toString());
    assertZooKeeperStops(d, "null scheme in the first ACL of snapshot.18", false,
        "snapshot.18: NullPointerException: the ACL at offset " + scheme);
  }

  @Test
  void aTtlOwnerWithFeatureBitsSetStopsZooKeeperInsteadOfFallingBackToAnOlderSnapshot() throws IOException {
    Path d = copy("bad-ttl-owner");
    Path snap = d.resolve("version-2/snapshot.18");
    byte[] bytes = Files.readAllBytes(snap);
    ByteBuffer b = ByteBuffer.wrap(bytes);
    byte[] ttlPath = {0, 0, 0, 4, '/', 't', 't', 'l'};
    int node = -1;
    for (int i = aclMapAt(b); i + ttlPath.length <= bytes.length && node < 0; i++) {
      if (java.util.Arrays.equals(bytes, i, i + ttlPath.length, ttlPath, 0, ttlPath.length)) {
        node = i;
      }
    }
    assertTrue(node > 0, "snapshot.18 holds /ttl");
    int dataAt = node + ttlPath.length;
    int ownerAt = dataAt + 4 + b.getInt(dataAt) + 8 + 44;
    assertEquals(0xFF00000000000000L, b.getLong(ownerAt) & 0xFFFFFF0000000000L, "a TTL owner");
    flipBit(snap, ownerAt + 2, 3);
    assertZooKeeperStops(d, "feature bit set in the TTL owner of /ttl in snapshot.18", false,
        "snapshot.18: IllegalArgumentException \"Invalid ephemeralOwner. [ff0008", "at offset " + ownerAt);
  }

  @Test
  void aHexDigestThatDoesNotParseStopsZooKeeperInsteadOfFallingBackToAnOlderSnapshot() throws IOException {
    Path d = copy("hex-digest");
    Path snap = d.resolve("version-2/snapshot.18");
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(snap));
    // The 3.9 layout ends with seal 1, the digest section (zxid, version, digest), seal 2, lastZxid and seal 3;
    // each seal is an Adler32 and the string "/".
    int digestAt = b.capacity() - (20 + 13 + 8 + 13);
    assertEquals(1, b.getInt(digestAt - 5), "seal 1's \"/\" ends right before the digest section");
    assertEquals('/', b.get(digestAt - 1));
    // Version 1 makes ZooKeeper read the digest as a hex string: a zero long is a length of 0, the string "".
    write(snap, digestAt + 8, ByteBuffer.allocate(12).putInt(0, 1));
    assertZooKeeperStops(d, "digest version 1 with an empty hex digest in snapshot.18", false,
        "snapshot.18: java.lang.NumberFormatException");
  }

  @Test
  void aNullNodePathStopsZooKeeperInsteadOfFallingBackToAnOlderSnapshot() throws IOException {
    Path d = copy("null-path");
    Path snap = d.resolve("version-2/snapshot.18");
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(snap));
    int at = aclMapAt(b);
    int entries = b.getInt(at);
    at += 4;
    for (int e = 0; e < entries; e++) {
      int acls = b.getInt(at + 8);
      at += 12;
      for (int a = 0; a < acls; a++) {
        at += 4;
        at += 4 + b.getInt(at);
        at += 4 + b.getInt(at);
      }
    }
    assertEquals(0, b.getInt(at), "the first node is the root, path \"\"");
    write(snap, at, ByteBuffer.allocate(4).putInt(0, -1));
    assertZooKeeperStops(d, "null root path in snapshot.18", false,
        "snapshot.18: NullPointerException: the node at offset " + at);
  }

  @Test
  void deepFindsATxnBodyThatDoesNotDecodeInTheLogBelowTheSnapshotWhichStillStopsZooKeeper() throws IOException {
    Path d = copy("body-below-snapshot");
    // ZooKeeper reads log.19 and, below it, log.d, checking every entry there though it applies none of them.
    Path log = d.resolve("version-2/log.d");
    long third = Scenarios.entryOffsets(log).get(2);
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(log));
    byte[] payload = new byte[b.getInt((int) third + 8)];
    b.get((int) third + 12, payload);
    ByteBuffer.wrap(payload).putInt(32, 1 << 30);
    java.util.zip.Adler32 adler = new java.util.zip.Adler32();
    adler.update(payload);
    write(log, third, ByteBuffer.allocate(8).putLong(0, adler.getValue()));
    write(log, third + 12, ByteBuffer.wrap(payload));
    assertZooKeeperStops(d, "path length 2^30 in a checksummed entry of log.d", true, "log.d offset " + third);
  }

  /** The standard scenario written with ZooKeeper's snapshots in {@code mode} (plain, gz or snappy). */
  static synchronized Path template(SnapStream.StreamMode mode) throws IOException {
    Path t = tmp.resolve("template-" + mode.name());
    if (!Files.exists(t)) {
      SnapStream.StreamMode before = SnapStream.getStreamMode();
      SnapStream.setStreamMode(mode);
      try {
        Scenarios.standard(t);
      } finally {
        SnapStream.setStreamMode(before);
      }
    }
    return t;
  }

  @ParameterizedTest
  @EnumSource(value = SnapStream.StreamMode.class, names = {"CHECKED", "GZIP", "SNAPPY"})
  void randomDamageGetsTheSameVerdictFromVerifyAndFromZooKeeper(SnapStream.StreamMode mode) throws IOException {
    long seed = TestSeed.resolve("VerifyPredictsZooKeeperStartTest " + mode);
    Random random = new Random(seed);
    Path template = template(mode);
    int stops = 0;
    int plain = 0;
    int partial = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Path d = tmp.resolve(mode.name() + "-round-" + round);
      DirCopy.copy(template, d);
      List<String> done = new ArrayList<>();
      int faults = 1 + random.nextInt(2);
      for (int i = 0; i < faults; i++) {
        done.add(Damage.any(random, d.resolve("version-2"), template));
      }
      Prediction p = assertSameVerdict(d, "round " + round + " " + done + ", " + TestSeed.describe(seed));
      if (!p.starts()) {
        stops++;
        assertRecoveredCopyStarts(d, "round " + round + " " + done + ", " + TestSeed.describe(seed));
      } else if (p.line().summary().contains("stops reading") || !p.line().ok()) {
        partial++;
      } else {
        plain++;
      }
      deleteTree(d);
    }
    System.out.println("VerifyPredictsZooKeeperStartTest " + mode + ": " + ROUNDS + " rounds: ZooKeeper stopped in "
        + stops
        + ", read every file to its end in " + plain + ", left a file at a partial entry in " + partial);
    assertTrue(stops > 0 && plain > 0 && partial > 0, "the damage covers every verdict, " + TestSeed.describe(seed));
  }

  /** Faults planted into a copy of the standard dir; each returns what it did. */
  static final class Damage {
    private static final int[] LENGTHS = {-1, -2, Integer.MIN_VALUE, 0, 1, 20, 31, 32, 2_097_150, 2_097_151,
        Integer.MAX_VALUE};

    static String any(Random random, Path v2, Path template) throws IOException {
      List<Path> logs = files(v2, "log.");
      List<Path> snaps = files(v2, "snapshot.");
      switch (random.nextInt(9)) {
        case 0:
        case 1: {
          Path log = pick(random, logs);
          long end = Scenarios.endOfEntries(log);
          long at = random.nextInt((int) Math.min(Files.size(log), end + 24));
          int bit = random.nextInt(8);
          flipBit(log, at, bit);
          return "flip bit " + bit + " at " + at + " of " + log.getFileName();
        }
        case 2: {
          Path log = pick(random, logs);
          long at = random.nextInt((int) Scenarios.endOfEntries(log) + 1);
          truncate(log, at);
          return "cut " + log.getFileName() + " at " + at;
        }
        case 3: {
          Path log = pick(random, logs);
          List<Long> offsets = Scenarios.entryOffsets(log);
          if (offsets.isEmpty()) {
            return "no entry in " + log.getFileName();
          }
          long entry = offsets.get(random.nextInt(offsets.size()));
          int len = random.nextBoolean() ? LENGTHS[random.nextInt(LENGTHS.length)] : random.nextInt(200) - 20;
          write(log, entry + 8, ByteBuffer.allocate(4).putInt(0, len));
          return "length " + len + " at " + entry + " of " + log.getFileName();
        }
        case 4: {
          Path added = v2.resolve("log." + Long.toHexString(1 + random.nextInt(0x40)));
          if (Files.exists(added)) {
            return added.getFileName() + " exists";
          }
          int size = random.nextInt(3) == 0 ? 0 : random.nextBoolean() ? 1 + random.nextInt(15) : 16;
          byte[] header = Files.readAllBytes(template.resolve("version-2/log.1"));
          Files.write(added, java.util.Arrays.copyOf(header, size));
          return "new " + added.getFileName() + " of " + size + " bytes";
        }
        case 5: {
          Path log = pick(random, logs);
          Files.delete(log);
          return "deleted " + log.getFileName();
        }
        case 6: {
          Path snap = pick(random, snaps);
          long at = random.nextInt((int) Files.size(snap));
          truncate(snap, at);
          return "cut " + snap.getFileName() + " at " + at;
        }
        case 7: {
          Path snap = pick(random, snaps);
          long at = random.nextInt((int) Files.size(snap));
          int bit = random.nextInt(8);
          flipBit(snap, at, bit);
          return "flip bit " + bit + " at " + at + " of " + snap.getFileName();
        }
        default: {
          Path log = pick(random, logs);
          List<Long> offsets = Scenarios.entryOffsets(log);
          if (offsets.isEmpty()) {
            return "no entry in " + log.getFileName();
          }
          long entry = offsets.get(random.nextInt(offsets.size()));
          int len = ByteBuffer.wrap(Files.readAllBytes(log)).getInt((int) entry + 8);
          write(log, entry + 12 + len, ByteBuffer.wrap(new byte[] {(byte) random.nextInt(256)}));
          return "end byte of the entry at " + entry + " of " + log.getFileName();
        }
      }
    }

    private static List<Path> files(Path v2, String prefix) throws IOException {
      try (var s = Files.list(v2)) {
        return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toFile().length() > 0)
            .sorted().toList();
      }
    }

    private static Path pick(Random random, List<Path> files) {
      return files.get(random.nextInt(files.size()));
    }
  }

  /** Where a plain snapshot's ACL map starts: after the 16-byte header, the session count and 12 bytes a session. */
  static int aclMapAt(ByteBuffer snapshot) {
    return 16 + 4 + 12 * snapshot.getInt(16);
  }

  static void deleteTree(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static void flipBit(Path file, long at, int bit) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, at);
      b.put(0, (byte) (b.get(0) ^ (1 << bit)));
      b.rewind();
      ch.write(b, at);
    }
  }

  static void write(Path file, long at, ByteBuffer bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(bytes.rewind(), at);
    }
  }

  static void truncate(Path file, long size) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(size);
    }
  }
}
