package zkstore.engine;

import java.io.IOException;
import java.nio.file.Path;
import zkstore.jute.FormatException;
import zkstore.record.TxnRecord;
import zkstore.txnlog.Corruption;
import zkstore.txnlog.ReadOptions;
import zkstore.txnlog.TornTail;
import zkstore.txnlog.TxnLogReader;

/**
 * The log directory read through {@link TxnLogReader}. The reader's own continuity check is off: the restore
 * policy checks continuity itself, from the snapshot's zxid on, and names the missing range.
 */
final class TxnLogSource implements LogSource {
  private final Path logDir;
  private final ReadOptions options;

  /** A source over {@code logDir}; {@code options} must leave the continuity check off. */
  TxnLogSource(Path logDir, ReadOptions options) {
    this.logDir = logDir;
    this.options = options;
  }

  @Override
  public Cursor readFrom(long startZxid) throws IOException {
    TxnLogReader reader = TxnLogReader.open(logDir, Math.max(startZxid, 0), options);
    return new Cursor() {
      @Override
      public TxnRecord next() throws IOException {
        try {
          return reader.next() ? reader.record() : null;
        } catch (FormatException e) {
          if (reader.outcome() instanceof Corruption c) {
            throw new CorruptLogException(c);
          }
          throw new CorruptLogException(new Corruption(e.file() == null ? logDir.toString() : e.file(),
              e.offset(), e.zxid(), "payload", "a decodable txn", e.getMessage()));
        }
      }

      @Override
      public TornTail tornTail() {
        return reader.outcome() instanceof TornTail t ? t : null;
      }

      @Override
      public void close() throws IOException {
        reader.close();
      }
    };
  }
}
