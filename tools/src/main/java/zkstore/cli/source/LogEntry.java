package zkstore.cli.source;

import java.nio.file.Path;
import zkstore.record.TxnRecord;

/** One decoded log entry: where it sits ({@code offset} of its checksum, {@code frameSize} bytes on disk) and the txn. */
public record LogEntry(Path file, long offset, long frameSize, TxnRecord txn) {
  public long zxid() {
    return txn.header().zxid();
  }

  /** The offset just past this entry's end-of-record byte. */
  public long end() {
    return offset + frameSize;
  }
}
