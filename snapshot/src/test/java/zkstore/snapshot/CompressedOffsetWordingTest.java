package zkstore.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xerial.snappy.SnappyOutputStream;
import zkstore.jute.FormatException;
import zkstore.record.Acl;
import zkstore.record.StatPersisted;

/**
 * An offset in a {@code .gz} or {@code .snappy} snapshot's error counts bytes of the uncompressed stream, which a
 * hex editor on the stored file cannot find, so the message says so, of the offset it ends with and of those in
 * its text (the byte range a seal covers); a plain snapshot's offsets are file offsets and keep the plain
 * wording. {@link FormatException#offset()} is the same number either way.
 */
class CompressedOffsetWordingTest {
  private static final StatPersisted STAT = new StatPersisted(1, 1, 0, 0, 0, 0, 0, 0, 1);
  private static final String UNCOMPRESSED = "of the uncompressed stream";

  @TempDir
  Path tmp;

  /** The logical bytes of a small snapshot whose first seal is wrong, and where that seal starts. */
  private record BadSeal(byte[] bytes, int sealAt) {}

  private static BadSeal badFirstSeal() {
    HandBuiltSnapshot b = new HandBuiltSnapshot().header().sessions(new long[] {7}, new int[] {30000})
        .aclMap(new long[] {1}, List.of(Acl.OPEN_ACL_UNSAFE));
    b.node("", new byte[0], 1, STAT).node("/x", new byte[] {1, 2, 3}, 1, STAT).node("/x/y", null, 1, STAT);
    b.endOfNodes();
    int sealAt = b.size();
    byte[] bytes = b.seal().digest(9, 0).seal().lastZxid(9).seal().bytes();
    bytes[sealAt + 7] ^= 0x01;
    return new BadSeal(bytes, sealAt);
  }

  @ParameterizedTest
  @EnumSource(SnapshotCompression.class)
  void aBadSealNamesTheSameOffsetAndSaysWhoseOffsetItIs(SnapshotCompression c) throws Exception {
    BadSeal bad = badFirstSeal();
    Path file = write(c, bad.bytes());
    FormatException e = assertThrows(FormatException.class, () -> TreeSnapshots.load(file));
    assertEquals(bad.sealAt(), e.offset(), e.getMessage());
    assertEquals(file.toString(), e.file());
    String offset = "offset " + bad.sealAt() + " (0x" + Integer.toHexString(bad.sealAt()) + ")";
    String range = " over bytes 0.." + bad.sealAt() + (c == SnapshotCompression.NONE ? "" : " " + UNCOMPRESSED)
        + " (CRC corruption)";
    assertTrue(e.detail().startsWith("seal 1: stored Adler-32 0x") && e.detail().endsWith(range), e.detail());
    if (c == SnapshotCompression.NONE) {
      assertTrue(e.getMessage().endsWith(offset + ")"), e.getMessage());
      assertFalse(e.getMessage().contains(UNCOMPRESSED), e.getMessage());
      assertFalse(e.offsetInUncompressedStream());
    } else {
      assertTrue(e.getMessage().endsWith(offset + " " + UNCOMPRESSED + ")"), e.getMessage());
      assertTrue(e.offsetInUncompressedStream());
    }
  }

  @Test
  void aCorruptGzSnapshotSaysItsOffsetCountsTheUncompressedStream() throws Exception {
    BadSeal bad = badFirstSeal();
    Path file = write(SnapshotCompression.GZIP, bad.bytes());
    FormatException e = assertThrows(FormatException.class, () -> new SnapshotReader().verify(file));
    String where = "(file " + file + ", offset " + bad.sealAt() + " (0x" + Integer.toHexString(bad.sealAt())
        + ") of the uncompressed stream)";
    assertTrue(e.getMessage().endsWith(where), e.getMessage());
  }

  @Test
  void aCorruptPlainSnapshotGivesAFileOffsetWithoutTheUncompressedWording() throws Exception {
    BadSeal bad = badFirstSeal();
    Path file = write(SnapshotCompression.NONE, bad.bytes());
    FormatException e = assertThrows(FormatException.class, () -> new SnapshotReader().verify(file));
    String where = "(file " + file + ", offset " + bad.sealAt() + " (0x" + Integer.toHexString(bad.sealAt()) + "))";
    assertTrue(e.getMessage().endsWith(where), e.getMessage());
    assertFalse(e.getMessage().contains(UNCOMPRESSED), e.getMessage());
  }

  /** The snappy framing's own faults are found at a position in the stored file, and keep the plain wording. */
  @Test
  void aBadSnappyBlockLengthGivesAFileOffsetWithoutTheUncompressedWording() throws Exception {
    byte[] snappy = compress(SnapshotCompression.SNAPPY, badFirstSeal().bytes());
    int lengthAt = SnapshotFiles.SNAPPY_MAGIC.length + 8;
    snappy[lengthAt] = 0x7f;
    Path file = tmp.resolve("snapshot.9.snappy");
    Files.write(file, snappy);
    FormatException e = assertThrows(FormatException.class, () -> new SnapshotReader().verify(file));
    assertEquals(lengthAt, e.offset(), e.getMessage());
    assertTrue(e.getMessage().startsWith("snappy block length"), e.getMessage());
    assertFalse(e.getMessage().contains(UNCOMPRESSED), e.getMessage());
  }

  private Path write(SnapshotCompression c, byte[] logical) throws IOException {
    Path file = tmp.resolve(SnapshotFileName.of(9, c).name());
    Files.write(file, compress(c, logical));
    return file;
  }

  /** Compresses with the JDK or snappy-java, as ZooKeeper does, not with the writer under test. */
  private static byte[] compress(SnapshotCompression c, byte[] logical) throws IOException {
    if (c == SnapshotCompression.NONE) {
      return logical;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream z = c == SnapshotCompression.GZIP ? new GZIPOutputStream(out) : new SnappyOutputStream(out)) {
      z.write(logical);
    }
    return out.toByteArray();
  }
}
