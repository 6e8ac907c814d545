package zkstore.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xerial.snappy.SnappyOutputStream;

/** The damage helper the restore tests rely on: a flip it makes always changes what the file decodes to. */
class DataDirsTest {
  @TempDir
  Path dir;

  @Test
  void skipsFlipsThatLeaveASnappyStreamDecodingAsBefore() throws Exception {
    Path file = dir.resolve("snapshot.1.snappy");
    byte[] plain = nodeLikeBytes(new Random(7));
    try (OutputStream out = new SnappyOutputStream(Files.newOutputStream(file))) {
      out.write(plain);
    }
    long harmless = firstHarmlessFlip(file);
    long flipped = DataDirs.flipByteThatChangesTheStream(file, harmless);
    assertTrue(flipped > harmless, "flipped " + flipped + ", harmless " + harmless);
    assertFalse(Arrays.equals(plain, DataDirs.decodedStream(file)));
  }

  /** The first offset whose flip leaves the decoded stream unchanged (about one in a hundred here). */
  private static long firstHarmlessFlip(Path file) throws Exception {
    byte[] plain = DataDirs.decodedStream(file);
    for (long at = 0; at < Files.size(file); at++) {
      DataDirs.flipByte(file, at);
      boolean same = Arrays.equals(plain, DataDirs.decodedStream(file));
      DataDirs.flipByte(file, at);
      if (same) {
        assertArrayEquals(plain, DataDirs.decodedStream(file));
        return at;
      }
    }
    throw new AssertionError("no harmless flip in " + file + ": the test needs a different stream");
  }

  /** Paths, random data and mostly-zero stat fields, as a snapshot's node section has them. */
  private static byte[] nodeLikeBytes(Random rnd) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    for (int i = 0; i < 3000; i++) {
      String path = "/node/n" + (i % 500);
      out.writeInt(path.length());
      out.writeBytes(path);
      byte[] data = new byte[20];
      rnd.nextBytes(data);
      out.writeInt(data.length);
      out.write(data);
      out.writeLong(-1);
      out.writeLong(i);
      out.write(new byte[40]);
      out.writeInt(rnd.nextInt(3));
      out.write(new byte[16]);
    }
    return bytes.toByteArray();
  }
}
