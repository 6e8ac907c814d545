package zkstore.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Adler32;

/**
 * A raw scan of ZooKeeper-format txn log files: map the file, walk the frames (Adler32, length,
 * payload, end-of-record byte) and verify each checksum, decoding nothing. It is both the physical
 * limit of log reading and the independent witness of what a writer put on disk.
 */
public final class LogScan {
  private static final int FILE_HEADER = 16;
  private static final int TXNLOG_MAGIC = 0x5a4b4c47;

  private LogScan() {}

  /** Scans every {@code log.*} file under {@code dir} (or its {@code version-2}) in zxid order. */
  public static Work scanDirectory(Path dir) {
    Path logs = Files.isDirectory(dir.resolve("version-2")) ? dir.resolve("version-2") : dir;
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(logs)) {
      list.filter(p -> p.getFileName().toString().startsWith("log.")).forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort((a, b) -> Long.compareUnsigned(zxidOf(a), zxidOf(b)));
    long items = 0;
    long bytes = 0;
    long fingerprint = 0;
    for (Path f : files) {
      Work w = scanFile(f);
      items += w.items();
      bytes += w.bytes();
      fingerprint = fingerprint * 0x9E3779B97F4A7C15L + w.fingerprint();
    }
    return new Work(items, bytes, fingerprint);
  }

  private static long zxidOf(Path logFile) {
    return Long.parseUnsignedLong(logFile.getFileName().toString().substring(4), 16);
  }

  /**
   * Scans one log file: items are the records before the zero tail, bytes the file header plus those
   * records, fingerprint a mix of every record's checksum and length. Files past 2 GiB (a fast writer fills
   * one in a two-second iteration) are mapped a window at a time.
   */
  public static Work scanFile(Path file) {
    return scanFile(file, WINDOW_BYTES);
  }

  /** Windows of 1 GiB: a ByteBuffer addresses less than 2 GiB. */
  static final long WINDOW_BYTES = 1L << 30;

  static Work scanFile(Path file, long windowBytes) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < FILE_HEADER) {
        return new Work(0, 0, 0);
      }
      Walker walker = new Walker(file.toString());
      long base = 0;
      while (true) {
        long length = Math.min(size - base, windowBytes);
        MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, base, length);
        try {
          if (base == 0 && map.getInt(0) != TXNLOG_MAGIC) {
            throw new IllegalStateException(
                file + ": not a txn log (magic 0x" + Integer.toHexString(map.getInt(0)) + ")");
          }
          boolean lastWindow = base + length == size;
          if (walker.walk(map, base, lastWindow)) {
            return walker.work();
          }
          if (walker.pos == base) {
            throw new IllegalStateException(file + ": record at offset " + base + " is longer than a scan window");
          }
          base = walker.pos;
        } finally {
          Mappings.release(map);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Walks frames across one or more windows of a file, keeping the position and the sums between them. */
  private static final class Walker {
    private final String name;
    private final Adler32 adler = new Adler32();
    private long pos = FILE_HEADER;
    private long items;
    private long fingerprint;

    Walker(String name) {
      this.name = name;
    }

    /**
     * Walks the frames of {@code window} (file bytes from {@code base}) from the current position; true at the
     * end of the log, false when the next frame runs past a window that is not the file's last.
     */
    boolean walk(ByteBuffer window, long base, boolean lastWindow) {
      long end = base + window.limit();
      while (pos + 12 <= end) {
        int at = (int) (pos - base);
        long checksum = window.getLong(at);
        int len = window.getInt(at + 8);
        if (len == 0 && checksum == 0) {
          return true;
        }
        if (len < 0 || pos + 12L + len + 1 > end) {
          if (len >= 0 && !lastWindow) {
            return false;
          }
          throw new IllegalStateException(name + ": record at offset " + pos + " has length " + len
              + " beyond the end of the file");
        }
        adler.reset();
        adler.update(window.slice(at + 12, len));
        if (adler.getValue() != checksum) {
          throw new IllegalStateException(name + ": bad checksum at offset " + pos + ": stored 0x"
              + Long.toHexString(checksum) + ", computed 0x" + Long.toHexString(adler.getValue()));
        }
        if (window.get(at + 12 + len) != 'B') {
          throw new IllegalStateException(name + ": missing end-of-record byte at offset " + (pos + 12 + len));
        }
        fingerprint = fingerprint * 31 + (checksum ^ ((long) len << 32));
        items++;
        pos += 12 + len + 1;
      }
      return lastWindow;
    }

    Work work() {
      return new Work(items, pos, fingerprint);
    }
  }
}
