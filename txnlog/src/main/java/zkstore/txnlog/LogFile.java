package zkstore.txnlog;

import java.nio.file.Path;

/** One {@code log.<hex>} file and the zxid its name carries. */
public record LogFile(Path path, long nameZxid) implements Comparable<LogFile> {
  /** The file name, e.g. {@code log.1f}. */
  public String name() {
    return path.getFileName().toString();
  }

  @Override
  public int compareTo(LogFile o) {
    return Long.compare(nameZxid, o.nameZxid);
  }
}
