package zkstore.jute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatExceptionTest {
  private static FormatException repeated() {
    return FormatException.namingOffset("node /a appears twice, at offset ", 100, " and in this record", 267);
  }

  @Test
  void aSecondOffsetIsWordedLikeTheFirst() {
    FormatException e = repeated().withFile("snapshot.5");
    assertEquals("node /a appears twice, at offset 100 (0x64) and in this record", e.detail());
    assertEquals("node /a appears twice, at offset 100 (0x64) and in this record (file snapshot.5, offset 267 (0x10b))",
        e.getMessage());
    assertEquals(100, e.otherOffset());
  }

  @Test
  void theUncompressedLabelReachesBothOffsetsAndSurvivesLaterCopies() {
    FormatException e = repeated().withOffsetInUncompressedStream().withFile("snapshot.5.gz").withZxid(5);
    assertEquals("node /a appears twice, at offset 100 (0x64) of the uncompressed stream and in this record (file "
        + "snapshot.5.gz, offset 267 (0x10b) of the uncompressed stream, zxid 0x5)", e.getMessage());
  }

  @Test
  void aBaseShiftsBothOffsets() {
    FormatException e = repeated().withOffsetBase(1000);
    assertEquals(1100, e.otherOffset());
    assertEquals(1267, e.offset());
    assertEquals("node /a appears twice, at offset 1100 (0x44c) and in this record (offset 1267 (0x4f3))",
        e.getMessage());
  }

  @Test
  void replacingTheFileKeepsEveryOtherField() {
    FormatException e = repeated().withOffsetInUncompressedStream().withFile("snapshot.5.gz").withZxid(5)
        .withFileReplaced("/data/version-2/snapshot.5.gz").withOffsetBase(10);
    assertEquals("/data/version-2/snapshot.5.gz", e.file());
    assertEquals(110, e.otherOffset());
    assertEquals("node /a appears twice, at offset 110 (0x6e) of the uncompressed stream and in this record (file "
        + "/data/version-2/snapshot.5.gz, offset 277 (0x115) of the uncompressed stream, zxid 0x5)", e.getMessage());
  }

  @Test
  void anExceptionWithOneOffsetKeepsItsWording() {
    FormatException e = new FormatException("bad length -1", "log.1", 16, 1L, false, null)
        .withOffsetInUncompressedStream();
    assertEquals("bad length -1", e.detail());
    assertEquals(-1, e.otherOffset());
    assertEquals("bad length -1 (file log.1, offset 16 (0x10) of the uncompressed stream, zxid 0x1)", e.getMessage());
  }
}
