package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import zkstore.jute.FormatException;

class ProblemsTest {
  @Test
  void anOffsetInACompressedSnapshotSaysItCountsTheUncompressedStream() {
    FormatException e = new FormatException("bad seal", "snapshot.9.gz", 313, null, false, null)
        .withOffsetInUncompressedStream();
    assertEquals("snapshot.9.gz offset 313 (0x139) of the uncompressed stream: bad seal", Problems.describe(e));
  }

  @Test
  void aPlainFileOffsetIsGivenInDecimalAndHex() {
    FormatException e = new FormatException("bad seal", "snapshot.9", 313, 0x9L, false, null);
    assertEquals("snapshot.9 offset 313 (0x139) zxid 0x9: bad seal", Problems.describe(e));
  }

  @Test
  void resolvingTheFileKeepsTheUncompressedLabelOfBothOffsets() {
    FormatException e = FormatException.namingOffset("node /a appears twice, at offset ", 100,
        " and in this record", 267).withFile("snapshot.5.snappy").withOffsetInUncompressedStream();
    FormatException resolved = Problems.inDir(e, Path.of("/data/version-2"));
    assertEquals(Path.of("/data/version-2", "snapshot.5.snappy").toString(), resolved.file());
    assertTrue(resolved.offsetInUncompressedStream());
    assertEquals(Path.of("/data/version-2", "snapshot.5.snappy") + " offset 267 (0x10b) of the uncompressed stream: "
        + "node /a appears twice, at offset 100 (0x64) of the uncompressed stream and in this record",
        Problems.describe(resolved));
  }
}
