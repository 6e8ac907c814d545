package zkstore.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.zookeeper.server.persistence.SnapStream;
import org.apache.zookeeper.server.persistence.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFileNameTest {
  @TempDir
  Path tmp;

  @Test
  void namesParseAsZooKeeperParsesThem() {
    for (String name : List.of("snapshot.0", "snapshot.1f", "snapshot.1F", "snapshot.100000001.gz", "snapshot.a.snappy",
        "snapshot.5.tmp", "snapshot.5.SNAPPY", "snapshot", "snapshot.", "snapshot.xyz", "log.5", "tmp.snapshot.5",
        ".snapshot.5", "snapshot.ffffffffffffffff", "snapshot.7fffffffffffffff", "snapshot.+5")) {
      long zk = Util.getZxidFromName(name, "snapshot");
      long mine = SnapshotFileName.parse(name).map(SnapshotFileName::zxid).orElse(-1L);
      assertEquals(zk, mine, name);
    }
  }

  @Test
  void lastDotComponentPicksTheCodecCaseInsensitively() {
    assertEquals(SnapshotCompression.GZIP, SnapshotFileName.parse("snapshot.1.gz").orElseThrow().compression());
    assertEquals(SnapshotCompression.SNAPPY, SnapshotFileName.parse("snapshot.1.SNAPPY").orElseThrow().compression());
    assertEquals(SnapshotCompression.NONE, SnapshotFileName.parse("snapshot.1.gz.tmp").orElseThrow().compression());
    assertEquals(SnapshotCompression.NONE, SnapshotFileName.parse("snapshot.1").orElseThrow().compression());
  }

  @Test
  void leftoverDotTmpIsACandidateButOurTemporaryNameIsNotForZooKeeperOrUs() throws Exception {
    SnapshotFileName name = SnapshotFileName.of(0x1f, SnapshotCompression.GZIP);
    assertEquals("snapshot.1f.gz", name.name());
    assertEquals("tmp.snapshot.1f.gz", name.temporaryName());
    assertTrue(SnapshotFileName.parse("snapshot.1f.tmp").isPresent());
    assertFalse(SnapshotFileName.parse(name.temporaryName()).isPresent());
    assertTrue(SnapshotFileName.isTemporary(name.temporaryName()));
    Path f = tmp.resolve(name.temporaryName());
    Files.write(f, new byte[] {0x1f, (byte) 0x8b, 0, 0, 0, 0, 0, 0, 0, 0});
    assertFalse(SnapStream.isValidSnapshot(f.toFile()), "ZooKeeper must not take the temporary for a snapshot");
    assertEquals(List.of(), SnapshotFiles.listNewestFirst(tmp));
    assertEquals(List.of(f), SnapshotFiles.temporaries(tmp));
  }

  @Test
  void listingIsNewestFirstAndPrecheckMatchesZooKeepersIsValidSnapshot() throws Exception {
    byte[] plainGood = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, '/'};
    byte[] plainBad = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, '0'};
    byte[] gz = {0x1f, (byte) 0x8b, 8};
    byte[] snappy = {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0, 0, 0, 0, 1};
    Files.write(tmp.resolve("snapshot.1"), plainGood);
    Files.write(tmp.resolve("snapshot.2"), plainBad);
    Files.write(tmp.resolve("snapshot.3"), new byte[] {0, 0, 0, 1, '/'});
    Files.write(tmp.resolve("snapshot.10.gz"), gz);
    Files.write(tmp.resolve("snapshot.11.gz"), plainGood);
    Files.write(tmp.resolve("snapshot.12.snappy"), snappy);
    Files.write(tmp.resolve("snapshot.13.snappy"), gz);
    Files.write(tmp.resolve("snapshot.14.tmp"), plainGood);
    Files.write(tmp.resolve("log.20"), plainGood);
    Files.write(tmp.resolve("snapshot.xyz"), plainGood);
    List<SnapshotFile> files = SnapshotFiles.listNewestFirst(tmp);
    assertEquals(List.of("snapshot.14.tmp", "snapshot.13.snappy", "snapshot.12.snappy", "snapshot.11.gz",
        "snapshot.10.gz", "snapshot.3", "snapshot.2", "snapshot.1"),
        files.stream().map(f -> f.path().getFileName().toString()).toList());
    for (SnapshotFile f : files) {
      File file = f.path().toFile();
      assertEquals(SnapStream.isValidSnapshot(file), SnapshotFiles.passesPrecheck(f), file.getName());
    }
    assertEquals(List.of("snapshot.14.tmp", "snapshot.12.snappy", "snapshot.10.gz"),
        SnapshotFiles.newestValid(tmp, 3).stream().map(f -> f.path().getFileName().toString()).toList());
  }
}
