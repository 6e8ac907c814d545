package zkstore.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.jute.FormatException;
import zkstore.record.Acl;
import zkstore.record.StatPersisted;

/**
 * A snapshot whose bytes stop arriving names what failed: a plain stream that cannot be read is an I/O error
 * naming the stream and the offset reached, not a compressed-stream or format error; a compressed file that
 * cannot be inflated keeps the compressed wording and says its offset counts the uncompressed stream; a plain
 * file whose read fails names the file and the offset reached.
 */
class StreamReadFailureTest {
  private static final StatPersisted STAT = new StatPersisted(1, 1, 0, 0, 0, 0, 0, 0, 1);

  @TempDir
  Path tmp;

  private static byte[] snapshot() {
    HandBuiltSnapshot b = new HandBuiltSnapshot().header().sessions(new long[] {7}, new int[] {30000})
        .aclMap(new long[] {1}, List.of(Acl.OPEN_ACL_UNSAFE));
    b.node("", new byte[0], 1, STAT).node("/x", new byte[300], 1, STAT).node("/x/y", null, 1, STAT);
    return b.endOfNodes().seal().digest(9, 0).seal().lastZxid(9).seal().bytes();
  }

  @Test
  void aPlainStreamThatFailsIsAnIoErrorNamingTheStreamAndTheOffsetReached() {
    byte[] bytes = snapshot();
    int failAt = 200;
    IOException linkDown = new IOException("link down");
    InputStream in = new FailingStream(bytes, failAt, linkDown);
    IOException e = assertThrows(IOException.class,
        () -> new SnapshotReader().read(in, "peer-42", 9, SnapshotSink.DISCARD));
    assertFalse(e instanceof FormatException, "the bytes did not arrive, they were not bad: " + e);
    assertSame(linkDown, e.getCause());
    assertTrue(e.getMessage().startsWith("snapshot stream could not be read after 200 bytes"), e.getMessage());
    assertTrue(e.getMessage().endsWith("(file peer-42, offset 200 (0xc8))"), e.getMessage());
    assertFalse(e.getMessage().contains("compressed"), e.getMessage());
  }

  @Test
  void aPlainFileThatCannotBeReadIsAnIoErrorNamingTheFileAndTheOffsetReached() throws Exception {
    // A directory opens for reading on Linux, and every read of it then fails (EISDIR): a real read error.
    Path dir = Files.createDirectory(tmp.resolve("snapshot.9"));
    IOException opened = null;
    try (FileChannel ch = FileChannel.open(dir)) {
      ch.read(ByteBuffer.allocate(1));
    } catch (IOException e) {
      opened = e;
    }
    assumeTrue(opened != null && !(opened instanceof FileSystemException),
        "on this system a directory cannot be opened and then fail to read");
    IOException e = assertThrows(IOException.class,
        () -> new SnapshotReader().read(dir, SnapshotCompression.NONE, 9, SnapshotSink.DISCARD));
    assertFalse(e instanceof FormatException, "the bytes could not be read, they were not bad: " + e);
    assertTrue(e.getMessage().startsWith("snapshot file could not be read after 0 bytes"), e.getMessage());
    assertTrue(e.getMessage().endsWith("(file " + dir + ", offset 0 (0x0))"), e.getMessage());
  }

  @Test
  void aTruncatedGzSnapshotKeepsTheCompressedWording() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(snapshot());
    }
    byte[] gz = out.toByteArray();
    Path file = tmp.resolve("snapshot.9.gz");
    Files.write(file, Arrays.copyOf(gz, gz.length - 12));
    FormatException e = assertThrows(FormatException.class, () -> new SnapshotReader().verify(file));
    assertTrue(e.getMessage().startsWith("compressed stream unreadable after "), e.getMessage());
    assertTrue(e.offsetInUncompressedStream(), e.getMessage());
    assertEquals(file.toString(), e.file());
  }

  /** Hands out {@code bytes} up to {@code failAt}, then throws {@code failure}. */
  private static final class FailingStream extends InputStream {
    private final ByteArrayInputStream in;
    private final IOException failure;
    private int left;

    FailingStream(byte[] bytes, int failAt, IOException failure) {
      this.in = new ByteArrayInputStream(bytes);
      this.left = failAt;
      this.failure = failure;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left == 0) {
        throw failure;
      }
      int n = in.read(b, off, Math.min(len, left));
      left -= Math.max(n, 0);
      return n;
    }
  }
}
