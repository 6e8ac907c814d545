package zkstore.cli.source;

import java.nio.file.Path;

/** The outcome of reading one log file to its end: entries seen, their zxid range and how it ended. */
public record LogFileScan(Path file, long nameZxid, long entries, long firstZxid, long lastZxid, LogEnd end) {
  public boolean empty() {
    return entries == 0;
  }
}
