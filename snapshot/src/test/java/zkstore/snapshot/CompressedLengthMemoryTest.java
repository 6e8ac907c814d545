package zkstore.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.xerial.snappy.SnappyOutputStream;
import zkstore.jute.FormatException;
import zkstore.jute.JuteMaxBuffer;
import zkstore.jute.JuteWriter;
import zkstore.oracle.ChildJvm;

/**
 * A compressed snapshot does not say how long its stream is, so a length field can only be checked against the
 * read limit. With the largest limit, a node whose data claims 2,000,000,000 bytes and holds 8 MiB must be
 * reported as cut short by zkstore's reader and by its model of ZooKeeper's load, in a 64 MiB heap: both read the
 * bytes that are there instead of allocating the length first.
 */
class CompressedLengthMemoryTest {
  private static final int CLAIMED = 2_000_000_000;
  /** More than the reader's first buffer, so that the stream has not ended when the length is read. */
  private static final int HELD = 8 << 20;

  @TempDir
  Path tmp;

  @ParameterizedTest
  @EnumSource(value = SnapshotCompression.class, names = {"GZIP", "SNAPPY"})
  void aHugeClaimedLengthIsReportedAsCutShortInASmallHeap(SnapshotCompression c) throws Exception {
    JuteWriter w = new JuteWriter();
    w.writeInt(0x5A4B534E).writeInt(2).writeLong(-1); // header
    w.writeInt(0).writeInt(0); // no sessions, no ACLs
    w.writeString("/a").writeInt(CLAIMED).writeRaw(new byte[HELD], 0, HELD);
    Path file = tmp.resolve(SnapshotFileName.of(9, c).name());
    Files.write(file, compress(c, w.toByteArray()));

    List<String> out = ChildJvm.run(List.of("-Xmx64m"), ReadWithLargestLimit.class, file.toString());
    assertEquals(2, out.size(), String.join("\n", out));
    assertTrue(out.get(0).startsWith("reader: truncated: node data: expected " + CLAIMED + " bytes, found " + HELD),
        out.get(0));
    assertTrue(out.get(1).startsWith("ZooKeeper: FallsBack"), out.get(1));
  }

  /** Reads a snapshot with jute.maxbuffer 1 GiB (a limit of 2^31 - 1) both ways and prints what each said. */
  public static final class ReadWithLargestLimit {
    public static void main(String[] args) throws IOException {
      Path file = Path.of(args[0]);
      JuteMaxBuffer limits = JuteMaxBuffer.of(1 << 30);
      try {
        SnapshotReader.withLimits(limits).verify(file);
        System.out.println("reader: read it");
      } catch (FormatException e) {
        System.out.println("reader: " + (e.truncated() ? "truncated: " : "invalid: ") + e.getMessage());
      }
      ZooKeeperSnapshotLoad.Verdict v = ZooKeeperSnapshotLoad.of(SnapshotFile.of(file), limits, true);
      System.out.println("ZooKeeper: " + v);
    }
  }

  private static byte[] compress(SnapshotCompression c, byte[] logical) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream z = c == SnapshotCompression.GZIP ? new GZIPOutputStream(out) : new SnappyOutputStream(out)) {
      z.write(logical);
    }
    return out.toByteArray();
  }
}
