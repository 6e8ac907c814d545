package zkstore.engine;

import java.io.Closeable;
import java.io.IOException;
import zkstore.record.TxnRecord;
import zkstore.txnlog.TornTail;

/** The txn log as a restore reads it. */
interface LogSource {
  /**
   * Reads from {@code startZxid} as ZooKeeper does (every file named at or above it plus the newest one named
   * below it, entries below it skipped); {@code startZxid <= 0} reads every file from its first entry.
   */
  Cursor readFrom(long startZxid) throws IOException;

  /** Entries in log order; corruption throws a {@link CorruptLogException}, a torn tail ends the read. */
  interface Cursor extends Closeable {
    /** The next entry at or above the start, or null at the end of the log. */
    TxnRecord next() throws IOException;

    /** After {@link #next()} returned null: the torn tail that ended the newest file, or null. */
    TornTail tornTail();
  }
}
