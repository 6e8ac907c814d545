package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.cli.oracle.ZkDataDirWriter;
import zkstore.cli.oracle.ZooKeeperStartProbe;
import zkstore.oracle.ChildJvm;

/**
 * verify with a large {@code --jute-maxbuffer} on a log whose third entry's length is flipped to 100 MiB inside a
 * 110 MiB file, in a child JVM of 64 MiB heap and direct memory. Both of its log reads (zkstore's and its model of
 * ZooKeeper's iterator) check such a frame's end byte before they hold its length in memory; before, both
 * allocated it and verify died of an OutOfMemoryError instead of naming the offset. ZooKeeper itself, started
 * with the same setting in a child JVM, does what verify's start line says.
 */
class DamagedLengthMemoryTest {
  @TempDir
  Path tmp;
  /** Offset of the damaged (third) entry. */
  long third;

  @Test
  void verifyNamesADamagedLengthWithinALargeLimitInASmallHeap() throws Exception {
    Path dir = damagedDataDir(false);
    String text = verifyInSmallHeap(dir, "end-of-record byte expected 0x42, found 0x00");
    assertTrue(text.contains("replays the logs up to 0x2; stops reading log.1 at offset " + third
        + " (end-of-record byte 0x00"), text);
    assertEquals("reaches 0x2", zooKeeperStarts(dir));
  }

  /** With an end byte where the damaged length puts it, the checksum decides: ZooKeeper stops on it. */
  @Test
  void aDamagedLengthThatEndsOnAnEndByteFailsItsChecksumInASmallHeap() throws Exception {
    Path dir = damagedDataDir(true);
    String text = verifyInSmallHeap(dir, "checksum expected 0x");
    assertTrue(text.contains("CRC check failed"), text);
    assertTrue(zooKeeperStarts(dir).startsWith("fails java.io.IOException: CRC check failed"), zooKeeperStarts(dir));
  }

  /** What ZooKeeper's own start-up does with the directory, run with the same jute.maxbuffer. */
  private static String zooKeeperStarts(Path dir) throws Exception {
    return String.join("\n", ChildJvm.run(List.of("-Xmx512m", "-Djute.maxbuffer=" + (128 << 20)),
        ZooKeeperStartProbe.class, dir.toString()));
  }

  /** verify's output, which must exit 1 and report {@code problem} at the damaged entry. */
  private String verifyInSmallHeap(Path dir, String problem) throws Exception {
    List<String> out = ChildJvm.run(List.of("-Xmx64m", "-XX:MaxDirectMemorySize=64m"), RunCli.class,
        "verify", dir.toString(), "--jute-maxbuffer", Integer.toString(128 << 20));
    String text = String.join("\n", out);
    assertEquals("exit 1", out.get(0), text);
    assertTrue(text.contains("log.1 offset " + third + " (0x" + Long.toHexString(third) + ") zxid 0x3: " + problem),
        text);
    return text;
  }

  /** A ZooKeeper data dir whose log's third entry claims 100 MiB, optionally with an end byte where that ends. */
  private Path damagedDataDir(boolean endByte) throws IOException {
    Path dir = tmp.resolve("data");
    try (ZkDataDirWriter w = new ZkDataDirWriter(dir)) {
      w.snapshot();
      long s = w.createSession(0x10000059bb80000L, 30000);
      for (int i = 0; i < 4; i++) {
        w.createPlain(s, "/n" + i, "v" + i);
      }
    }
    Path log = dir.resolve("version-2").resolve("log.1");
    third = entryOffset(log, 2);
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "rw")) {
      f.seek(third + 8);
      f.writeInt(100 << 20);
      f.setLength(110L << 20);
      if (endByte) {
        f.seek(third + 12 + (100 << 20));
        f.write('B');
      }
    }
    return dir;
  }

  /** The offset of entry {@code index} (from 0) of a log file, walking its frames. */
  private static long entryOffset(Path log, int index) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(log));
    int at = 16;
    for (int i = 0; i < index; i++) {
      at += 12 + b.getInt(at + 8) + 1;
    }
    return at;
  }

  /** Runs the CLI and prints its exit code, then what it printed. */
  public static final class RunCli {
    public static void main(String[] args) {
      Cli.Result r = Cli.run(args);
      System.out.println("exit " + r.code());
      System.out.print(r.out());
      System.out.print(r.err());
    }
  }
}
