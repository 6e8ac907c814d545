package zkstore.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xerial.snappy.SnappyInputStream;
import zkstore.jute.FormatException;
import zkstore.jute.JuteWriter;
import zkstore.record.Acl;
import zkstore.record.StatPersisted;

/**
 * A snapshot in which a znode path appears twice fails to load with a FormatException naming the path, the file,
 * the offset of the record that repeats the path and the offset of the record it repeats. The expected offsets
 * are found by locating each record's bytes in the file's uncompressed stream (or counted while building the file
 * by hand), not by the reader.
 */
class RepeatedPathSnapshotTest {
  private static final StatPersisted STAT = new StatPersisted(1, 1, 0, 0, 0, 0, 0, 0, 1);

  @TempDir
  Path tmp;

  /** "/a" again after its child: the loader finds the repeat when it finishes the tree. */
  @ParameterizedTest
  @EnumSource(SnapshotCompression.class)
  void aPathRepeatedAfterItsChildFailsAtTheRepeatingRecordsOffset(SnapshotCompression c) throws Exception {
    List<String> paths = List.of("", "/a", "/a/b", "/a");
    Path file = write(c, paths);
    byte[] stream = uncompressed(file, c);
    FormatException e = assertThrows(FormatException.class, () -> TreeSnapshots.load(file));
    assertNamesBothRecords(e, file, c, "/a", locate(stream, paths, 1), locate(stream, paths, 3));
  }

  /**
   * "/b" twice, then a child of "/a": the loader finds the repeat while it looks "/a" up for "/a/c", so the error
   * must carry the second "/b" record's offset, not that of "/a/c", the record being read.
   */
  @ParameterizedTest
  @EnumSource(SnapshotCompression.class)
  void aPathRepeatedBeforeAParentLookupFailsAtTheRepeatingRecordsOffset(SnapshotCompression c) throws Exception {
    List<String> paths = List.of("", "/a", "/b", "/b", "/a/c");
    Path file = write(c, paths);
    byte[] stream = uncompressed(file, c);
    FormatException e = assertThrows(FormatException.class, () -> TreeSnapshots.load(file));
    assertNamesBothRecords(e, file, c, "/b", locate(stream, paths, 2), locate(stream, paths, 3));
  }

  /** The first record that repeats a path is named, although a later repeat's path may be found first. */
  @Test
  void amongManyRepeatsTheFirstRepeatingRecordIsNamed() throws Exception {
    List<String> paths = new ArrayList<>();
    paths.add("");
    for (int i = 0; i < 3000; i++) {
      paths.add("/p" + i);
    }
    for (int k = 0; k < 30; k++) {
      paths.add("/p" + (k * 7919 + 17) % 3000);
    }
    Path file = write(SnapshotCompression.NONE, paths);
    byte[] stream = Files.readAllBytes(file);
    FormatException e = assertThrows(FormatException.class, () -> TreeSnapshots.load(file));
    assertNamesBothRecords(e, file, SnapshotCompression.NONE, "/p17", locate(stream, paths, 1 + 17), locate(stream, paths, 1 + 3000));
  }

  /**
   * The same fault in a file built field by field, offsets counted while building it: "/x/y" three times, the
   * second one names the first.
   */
  @Test
  void aPathThreeTimesInAHandBuiltFileFailsAtTheSecondRecordsOffset() throws Exception {
    HandBuiltSnapshot b = new HandBuiltSnapshot().header().sessions(new long[] {7}, new int[] {30000})
        .aclMap(new long[] {1}, List.of(Acl.OPEN_ACL_UNSAFE));
    b.node("", new byte[0], 1, STAT).node("/x", new byte[] {1}, 1, STAT);
    int first = b.size();
    b.node("/x/y", null, 1, STAT).node("/z", new byte[0], 1, STAT);
    int second = b.size();
    b.node("/x/y", null, 1, STAT).node("/x/y", new byte[] {2}, 1, STAT).node("/z/w", null, 1, STAT);
    byte[] bytes = b.endOfNodes().seal().digest(9, 0).seal().lastZxid(9).seal().bytes();
    Path file = Files.createDirectories(tmp.resolve("hand")).resolve("snapshot.9");
    Files.write(file, bytes);
    FormatException e = assertThrows(FormatException.class, () -> TreeSnapshots.load(file));
    assertNamesBothRecords(e, file, SnapshotCompression.NONE, "/x/y", first, second);
  }

  /**
   * The offsets of a compressed file count its uncompressed stream, and the message says so, of the earlier
   * record's offset in its text as well as of the offset it ends with; a plain file's message says neither.
   */
  private static void assertNamesBothRecords(FormatException e, Path file, SnapshotCompression c, String path,
      long earlier, long later) {
    assertEquals("node " + path + " appears twice, at offset " + earlier + " (0x" + Long.toHexString(earlier)
        + ")" + (c == SnapshotCompression.NONE ? "" : " of the uncompressed stream") + " and in this record",
        e.detail());
    assertEquals(later, e.offset(), "offset of the record that repeats the path");
    assertEquals(file.toString(), e.file());
    String where = "(file " + file + ", offset " + later + " (0x" + Long.toHexString(later) + ")"
        + (c == SnapshotCompression.NONE ? "" : " of the uncompressed stream") + ")";
    assertTrue(e.getMessage().endsWith(where), e.getMessage());
    assertTrue(!e.truncated(), "the bytes are there, they are wrong");
  }

  /** Writes the nodes in this order with the project's writer; node i holds the data "record i". */
  private Path write(SnapshotCompression c, List<String> paths) throws IOException {
    SnapshotSource source = new SnapshotSource() {
      @Override
      public long lastProcessedZxid() {
        return 5;
      }

      @Override
      public Map<Long, Integer> sessions() {
        return Map.of();
      }

      @Override
      public Map<Long, List<Acl>> aclMap() {
        return Map.of();
      }

      @Override
      public void walk(NodeOutput out) throws IOException {
        for (int i = 0; i < paths.size(); i++) {
          out.node(paths.get(i), data(i), -1, STAT);
        }
      }

      @Override
      public SnapshotDigest digest() {
        return SnapshotDigest.NONE;
      }
    };
    Path dir = Files.createDirectories(tmp.resolve(c.name()));
    SnapshotWriter writer = new SnapshotWriter(SnapshotWriteOptions.DEFAULT.withCompression(c));
    return writer.write(dir, source).file().path();
  }

  private static byte[] data(int i) {
    return ("record " + i).getBytes(StandardCharsets.UTF_8);
  }

  /** The file's uncompressed stream, decompressed by the JDK or snappy-java, not by the reader under test. */
  private static byte[] uncompressed(Path file, SnapshotCompression c) throws IOException {
    byte[] raw = Files.readAllBytes(file);
    switch (c) {
      case NONE:
        return raw;
      case GZIP:
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
          return in.readAllBytes();
        }
      default:
        try (InputStream in = new SnappyInputStream(new ByteArrayInputStream(raw))) {
          return in.readAllBytes();
        }
    }
  }

  /** Offset of node record i (its path and data as jute buffers, unique by the data) found in {@code stream}. */
  private static long locate(byte[] stream, List<String> paths, int i) {
    JuteWriter w = new JuteWriter();
    w.writeString(paths.get(i)).writeBuffer(data(i));
    byte[] record = w.toByteArray();
    int found = -1;
    for (int at = 0; at + record.length <= stream.length; at++) {
      if (java.util.Arrays.equals(stream, at, at + record.length, record, 0, record.length)) {
        assertEquals(-1, found, "record " + i + " appears once");
        found = at;
      }
    }
    assertTrue(found >= 0, "record " + i + " is in the stream");
    return found;
  }
}
