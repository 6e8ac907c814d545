package zkstore.snapshot;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;
import org.xerial.snappy.SnappyOutputStream;

/**
 * Writes a snapshot file byte-compatible with ZooKeeper 3.9 (or the 3.8 / 3.4 shapes) from a possibly changing
 * tree. The file is written as {@code tmp.snapshot.<zxid>[.ext]} (a name neither zkstore nor ZooKeeper lists),
 * forced, renamed to {@code snapshot.<zxid>[.ext]}, and the directory forced; when anything fails no
 * {@code snapshot.*} file is left behind by this write.
 */
public final class SnapshotWriter {
  private static final int COMPRESSED_OUT_BUFFER = 1 << 20;

  private final SnapshotWriteOptions options;
  private final FileDurability durability;

  /** A writer with the default options: plain, 3.9 layout. */
  public SnapshotWriter() {
    this(SnapshotWriteOptions.DEFAULT);
  }

  public SnapshotWriter(SnapshotWriteOptions options) {
    this(options, FileDurability.SYSTEM);
  }

  SnapshotWriter(SnapshotWriteOptions options, FileDurability durability) {
    this.options = options;
    this.durability = durability;
  }

  /** The options this writer uses. */
  public SnapshotWriteOptions options() {
    return options;
  }

  /**
   * Writes {@code snapshot.<zxid>} into {@code dir} (a {@code version-2} directory), where zxid is the source's
   * lastProcessedZxid before the walk. Replaces a file of the same name only once the new one is forced.
   */
  public SnapshotWriteResult write(Path dir, SnapshotSource source) throws IOException {
    long zxid = source.lastProcessedZxid();
    SnapshotFileName name = SnapshotFileName.of(zxid, options.compression());
    Path target = dir.resolve(name.name());
    Path temporary = dir.resolve(name.temporaryName());
    boolean replacing = Files.exists(target);
    SnapshotEncoder.Encoded encoded;
    long fileBytes;
    try {
      try (FileChannel ch = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        encoded = encodeInto(ch, source);
        durability.forceFile(ch);
        fileBytes = ch.size();
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException | Error e) {
      AtomicFiles.deleteQuietly(temporary, e);
      throw e;
    }
    try {
      durability.forceDirectory(dir);
    } catch (IOException | RuntimeException e) {
      if (!replacing) {
        AtomicFiles.deleteQuietly(target, e);
      }
      throw e;
    }
    return new SnapshotWriteResult(new SnapshotFile(target, name), options.layout(), encoded.sessions(),
        encoded.aclEntries(), encoded.nodes(), encoded.digest(), encoded.lastProcessedZxid(),
        encoded.logicalBytes(), fileBytes);
  }

  /**
   * Serializes {@code source} as an uncompressed logical stream to {@code out} (not closed), in this writer's
   * layout; returns the stream's length. For transfers and tests; files go through {@link #write}.
   */
  public long serialize(SnapshotSource source, OutputStream out) throws IOException {
    source.lastProcessedZxid();
    SnapshotOutput output = new SnapshotOutput(out::write, options.bufferSize());
    return SnapshotEncoder.encode(source, options.layout(), output).logicalBytes();
  }

  private SnapshotEncoder.Encoded encodeInto(FileChannel ch, SnapshotSource source) throws IOException {
    switch (options.compression()) {
      case GZIP: {
        GZIPOutputStream gz = new GZIPOutputStream(unclosable(ch), 64 * 1024);
        SnapshotEncoder.Encoded e = SnapshotEncoder.encode(source, options.layout(),
            new SnapshotOutput(gz::write, options.bufferSize()));
        gz.finish();
        gz.flush();
        return e;
      }
      case SNAPPY: {
        BufferedOutputStream buffered = new BufferedOutputStream(unclosable(ch), COMPRESSED_OUT_BUFFER);
        SnappyOutputStream snappy = new SnappyOutputStream(buffered);
        SnapshotEncoder.Encoded e = SnapshotEncoder.encode(source, options.layout(),
            new SnapshotOutput(snappy::write, options.bufferSize()));
        snappy.flush();
        return e;
      }
      default:
        return SnapshotEncoder.encode(source, options.layout(),
            new SnapshotOutput((b, off, len) -> writeFully(ch, b, off, len), options.bufferSize()));
    }
  }

  private static void writeFully(FileChannel ch, byte[] b, int off, int len) throws IOException {
    ByteBuffer bb = ByteBuffer.wrap(b, off, len);
    while (bb.hasRemaining()) {
      ch.write(bb);
    }
  }

  private static OutputStream unclosable(FileChannel ch) {
    OutputStream raw = Channels.newOutputStream(ch);
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        raw.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        raw.write(b, off, len);
      }
    };
  }
}
