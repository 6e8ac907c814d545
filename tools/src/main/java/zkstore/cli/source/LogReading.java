package zkstore.cli.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import zkstore.jute.FormatException;

/**
 * The tools' one door to transaction logs: lists a directory's logs and reads a file through the
 * txnlog module's reader, turning its outcomes into {@link LogEnd}s. The file framing lives in txnlog.
 */
public final class LogReading {
  private LogReading() {}

  /** A log file, the zxid its name carries and its size on disk. */
  public record LogRef(Path path, long nameZxid, long size) {
    public String name() {
      return path.getFileName().toString();
    }
  }

  /** A single file named on the command line (its name need not be {@code log.<hex>}). */
  public static LogRef ref(Path file) throws IOException {
    long zxid = nameZxid(file.getFileName().toString());
    return new LogRef(file, zxid, Files.size(file));
  }

  /** Every log file of {@code dir}, oldest first. */
  public static List<LogRef> all(Path dir) throws IOException {
    return filesFrom(dir, Long.MIN_VALUE);
  }

  /** The log files a read from {@code fromZxid} needs, oldest first (ZooKeeper's selection). */
  public static List<LogRef> filesFrom(Path dir, long fromZxid) throws IOException {
    List<LogRef> refs = new ArrayList<>();
    try (var stream = Files.newDirectoryStream(dir, "log.*")) {
      for (Path p : stream) {
        long z = nameZxid(p.getFileName().toString());
        if (z != -1 && Files.isRegularFile(p)) {
          refs.add(new LogRef(p, z, Files.size(p)));
        }
      }
    }
    refs.sort(java.util.Comparator.comparingLong(LogRef::nameZxid));
    if (fromZxid == Long.MIN_VALUE) {
      return refs;
    }
    List<LogRef> picked = new ArrayList<>();
    for (int i = refs.size() - 1; i >= 0; i--) {
      picked.add(0, refs.get(i));
      if (refs.get(i).nameZxid() < fromZxid) {
        break;
      }
    }
    return picked;
  }

  // TODO(cli): replace with zkstore.txnlog.LogFiles / LogFormat.zxidOfFileName once txnlog publishes them.
  private static long nameZxid(String name) {
    String[] parts = name.split("\\.");
    if (parts.length < 2 || !parts[0].equals("log")) {
      return -1;
    }
    try {
      return Long.parseLong(parts[1], 16);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Reads one file from its header to its end, handing each entry to {@code visitor}.
   *
   * @throws FormatException when the file is not a ZooKeeper log at all (empty, short or bad magic)
   */
  public static LogFileScan scan(LogRef ref, LogVisitor visitor) throws IOException {
    throw new UnsupportedOperationException("waiting for the txnlog reader");
  }
}
