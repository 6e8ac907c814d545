package zkstore.txnlog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * ZooKeeper's {@code truncate(zxid)} (FORMATS.md §3.7): keeps every entry up to the first one with a zxid at
 * or above the given one (that entry included), cuts its file right after it and deletes every later file.
 * Durable before it returns. Run it on a log no writer has open; its reader has closed the file before it is cut.
 */
public final class LogTruncation {
  /**
   * What a truncation did.
   *
   * @param keptZxid the zxid of the last entry kept
   * @param cutFile the file cut short
   * @param newLength its new length in bytes
   * @param deleted the later files deleted
   */
  public record Report(long keptZxid, Path cutFile, long newLength, List<Path> deleted) {}

  private LogTruncation() {}

  /**
   * Truncates the log in {@code dir} after the first entry with zxid {@code >= zxid}.
   *
   * @throws IOException if no entry at or above {@code zxid} exists (nothing is changed then), or if the
   *     log is corrupt before it
   */
  public static Report truncate(Path dir, long zxid) throws IOException {
    return truncate(dir, zxid, ReadOptions.defaults());
  }

  /** As {@link #truncate(Path, long)} reading with {@code options}. */
  public static Report truncate(Path dir, long zxid, ReadOptions options) throws IOException {
    LogFile cut;
    long end;
    long kept;
    try (TxnLogReader r = TxnLogReader.open(dir, zxid, options)) {
      if (!r.next()) {
        throw new IOException("No log files found to truncate! There is no entry with zxid >= 0x"
            + Long.toHexString(zxid) + " in " + dir + "; nothing was changed");
      }
      cut = r.file();
      end = r.offset() + r.frameLength();
      kept = r.zxid();
    }
    try (FileChannel ch = FileChannel.open(cut.path(), StandardOpenOption.WRITE)) {
      ch.truncate(end);
      ch.force(true);
    }
    List<Path> deleted = new ArrayList<>();
    for (LogFile f : LogFiles.list(dir)) {
      if (f.nameZxid() > cut.nameZxid()) {
        Files.delete(f.path());
        deleted.add(f.path());
      }
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
    return new Report(kept, cut.path(), end, List.copyOf(deleted));
  }
}
