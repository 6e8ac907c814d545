package zkstore.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import zkstore.jute.FormatException;
import zkstore.jute.JuteMaxBuffer;

/**
 * Reads and verifies snapshot files of every layout ZooKeeper 3.4 to 3.9 writes, plain, {@code .gz} or
 * {@code .snappy}, into a {@link SnapshotSink}. Every structural fault, bad seal or failed decompression is a
 * {@link FormatException} naming the file, the offset and what was expected; an offset in the uncompressed
 * stream of a compressed file says so in the message (the snappy framing's own errors give file offsets).
 */
public final class SnapshotReader {
  private final SnapshotReadOptions options;

  /** A reader with ZooKeeper's default field limit. */
  public SnapshotReader() {
    this(SnapshotReadOptions.DEFAULT);
  }

  public SnapshotReader(SnapshotReadOptions options) {
    this.options = options;
  }

  /** A reader of the files of a ZooKeeper that ran with {@code limits} (its jute.maxbuffer settings). */
  public static SnapshotReader withLimits(JuteMaxBuffer limits) {
    return new SnapshotReader(SnapshotReadOptions.DEFAULT.withLimits(limits));
  }

  /** Reads a snapshot file; the codec comes from its name's last dot-component, the zxid from its name (-1 if none). */
  public SnapshotReadResult read(Path file, SnapshotSink sink) throws IOException {
    String name = file.getFileName().toString();
    long zxid = SnapshotFileName.parse(name).map(SnapshotFileName::zxid).orElse(-1L);
    return read(file, SnapshotCompression.ofFileName(name), zxid, sink);
  }

  /** Reads a listed snapshot file. */
  public SnapshotReadResult read(SnapshotFile file, SnapshotSink sink) throws IOException {
    return read(file.path(), file.compression(), file.zxid(), sink);
  }

  /** Reads and verifies a file, keeping nothing. */
  public SnapshotReadResult verify(Path file) throws IOException {
    return read(file, SnapshotSink.DISCARD);
  }

  /** Reads a file with an explicit codec and name zxid. */
  public SnapshotReadResult read(Path file, SnapshotCompression compression, long nameZxid, SnapshotSink sink)
      throws IOException {
    String fileName = file.toString();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      SnapshotInput in;
      switch (compression) {
        case GZIP:
          try (InputStream gz = gzip(ch, fileName)) {
            return SnapshotDecoder.decode(input(CountingSource.decompressed(gz, fileName), fileName, -1, true), sink,
                nameZxid);
          }
        case SNAPPY:
          in = input(new SnappyBlockSource(Channels.newInputStream(ch), fileName, size), fileName, -1, true);
          break;
        default:
          in = input(CountingSource.plainFile(ch, fileName), fileName, size, false);
          break;
      }
      return SnapshotDecoder.decode(in, sink, nameZxid);
    } catch (FormatException e) {
      throw e.withFile(fileName);
    }
  }

  /**
   * Reads an uncompressed logical stream (e.g. one received over the network); {@code name} labels errors. A
   * failure of the stream itself is a plain IOException naming {@code name} and the offset reached, not a
   * FormatException: the bytes were not bad, they did not arrive.
   */
  public SnapshotReadResult read(InputStream logicalStream, String name, long nameZxid, SnapshotSink sink)
      throws IOException {
    try {
      return SnapshotDecoder.decode(input(CountingSource.plainStream(logicalStream, name), name, -1, false), sink,
          nameZxid);
    } catch (FormatException e) {
      throw e.withFile(name);
    }
  }

  /** {@code decompressed}: the source inflates a .gz or .snappy file, so offsets are not file positions. */
  private SnapshotInput input(SnapshotInput.ChunkSource source, String name, long knownLength,
      boolean decompressed) {
    return new SnapshotInput(source, name, knownLength, decompressed, options.maxFieldLength(),
        options.bufferSize());
  }

  private static InputStream gzip(FileChannel ch, String file) throws IOException {
    try {
      return new GZIPInputStream(Channels.newInputStream(ch), 64 * 1024);
    } catch (FormatException e) {
      throw e;
    } catch (IOException e) {
      throw new FormatException("gzip header: " + e.getMessage(), file, 0, null,
          e instanceof java.io.EOFException, e);
    }
  }

  /**
   * A source read in chunks that counts the bytes it gave; a failure of the source itself becomes
   * {@code failure}'s exception at the count reached (bad bytes found by a decompressor stay as they are).
   */
  private static final class CountingSource implements SnapshotInput.ChunkSource {
    /** The exception for a source that failed after {@code reached} bytes. */
    private interface Failure {
      IOException after(long reached, Exception cause);
    }

    private final SnapshotInput.ChunkSource in;
    private final Failure failure;
    private long reached;

    private CountingSource(SnapshotInput.ChunkSource in, Failure failure) {
      this.in = in;
      this.failure = failure;
    }

    /** A decompressing stream: its failures are format errors at the offset reached in the uncompressed stream. */
    static CountingSource decompressed(InputStream in, String file) {
      return new CountingSource(in::read, (reached, e) -> new FormatException("compressed stream unreadable after "
          + reached + " uncompressed bytes: " + e, file, reached, null, e instanceof java.io.EOFException, e)
          .withOffsetInUncompressedStream());
    }

    /**
     * An uncompressed stream: its failures are I/O errors naming the stream and the offset reached (the bytes
     * were not bad, they did not arrive).
     */
    static CountingSource plainStream(InputStream in, String name) {
      return new CountingSource(in::read, (reached, e) -> unreadable("snapshot stream", name, reached, e));
    }

    /** A plain file read straight into the decode buffer; its failures are I/O errors as for a plain stream. */
    static CountingSource plainFile(FileChannel ch, String file) {
      return new CountingSource((b, off, len) -> ch.read(ByteBuffer.wrap(b, off, len)),
          (reached, e) -> unreadable("snapshot file", file, reached, e));
    }

    private static IOException unreadable(String what, String name, long reached, Exception cause) {
      return new IOException(what + " could not be read after " + reached + " bytes: " + cause + " (file " + name
          + ", offset " + FormatException.offsetText(reached, false) + ")", cause);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        int n = in.read(b, off, len);
        if (n > 0) {
          reached += n;
        }
        return n;
      } catch (FormatException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw failure.after(reached, e);
      }
    }
  }
}
