package zkstore.txnlog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The zxid of the last valid entry in a log directory: the newest file that has entries is read to its
 * end (a torn tail is skipped, corruption throws). -1 when no file has an entry. Unlike ZooKeeper, a
 * newest file with no entries does not count as holding the zxid in its name.
 */
public final class LastLoggedZxid {
  private LastLoggedZxid() {}

  public static long find(Path dir, int maxPayload) throws IOException {
    List<LogFile> files = LogFiles.list(dir);
    for (int i = files.size() - 1; i >= 0; i--) {
      try (FileScanner s = new FileScanner(files.get(i), maxPayload)) {
        long last = -1;
        while (s.next()) {
          last = s.zxid();
        }
        if (s.damage() instanceof Corruption c) {
          throw c.toException(null);
        }
        if (last != -1) {
          return last;
        }
      }
    }
    return -1;
  }

  /** As {@link #find(Path, int)} with the default payload limit. */
  public static long find(Path dir) throws IOException {
    return find(dir, LogFormat.DEFAULT_MAX_PAYLOAD);
  }
}
