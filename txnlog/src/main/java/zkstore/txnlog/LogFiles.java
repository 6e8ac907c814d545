package zkstore.txnlog;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Lists the log files of a directory and picks the ones a read from a zxid needs (FORMATS.md §3.6). */
public final class LogFiles {
  private LogFiles() {}

  /** Every file named {@code log.<hex>} in {@code dir}, oldest first; an absent directory has none. */
  public static List<LogFile> list(Path dir) throws IOException {
    List<LogFile> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, LogFormat.PREFIX + ".*")) {
      for (Path p : stream) {
        long zxid = LogFormat.zxidOfFileName(p.getFileName().toString());
        if (zxid != -1 && Files.isRegularFile(p)) {
          files.add(new LogFile(p, zxid));
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    }
    Collections.sort(files);
    return files;
  }

  /**
   * The files a read from {@code startZxid} visits, oldest first: every file named at or above it, plus
   * the newest one named below it, as ZooKeeper's FileTxnIterator chooses them.
   */
  public static List<LogFile> forReadFrom(List<LogFile> ascending, long startZxid) {
    List<LogFile> picked = new ArrayList<>();
    for (int i = ascending.size() - 1; i >= 0; i--) {
      LogFile f = ascending.get(i);
      picked.add(f);
      if (f.nameZxid() < startZxid) {
        break;
      }
    }
    Collections.reverse(picked);
    return picked;
  }
}
