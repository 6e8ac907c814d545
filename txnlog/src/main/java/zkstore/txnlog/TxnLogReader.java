package zkstore.txnlog;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.record.OpCode;
import zkstore.record.TxnCodec;
import zkstore.record.TxnRecord;

/**
 * Reads the log from a zxid across files, choosing them as ZooKeeper does (FORMATS.md §3.6): entries below
 * the start are verified and skipped. A cursor: {@link #next()} moves to the next entry, whose zxid,
 * location and payload are then available without decoding; {@link #record()} decodes it. Torn tails are
 * skipped and listed; corruption throws a {@link FormatException} and {@link #outcome()} says what it was.
 * Never returns a partial or corrupt entry. Not thread-safe; payload views die with the next call.
 */
public final class TxnLogReader implements Closeable, Iterable<LogEntry> {
  private final List<LogFile> files;
  private final long startZxid;
  private final ReadOptions options;
  private final List<TornTail> tornTails = new ArrayList<>();
  private int fileIndex = -1;
  private FileScanner scanner;
  private long lastReturned = -1;
  private boolean returning;
  private ReadOutcome outcome;

  private TxnLogReader(List<LogFile> files, long startZxid, ReadOptions options) {
    this.files = files;
    this.startZxid = startZxid;
    this.options = options;
  }

  /** A reader of the log files in {@code dir} returning entries with zxid {@code >= startZxid}. */
  public static TxnLogReader open(Path dir, long startZxid) throws IOException {
    return open(dir, startZxid, ReadOptions.defaults());
  }

  /** As {@link #open(Path, long)} with explicit options. */
  public static TxnLogReader open(Path dir, long startZxid, ReadOptions options) throws IOException {
    return new TxnLogReader(LogFiles.forReadFrom(LogFiles.list(dir), startZxid), startZxid, options);
  }

  /** A reader of exactly the given files, in the given order (e.g. one file a tool was pointed at). */
  public static TxnLogReader ofFiles(List<LogFile> files, long startZxid, ReadOptions options) {
    return new TxnLogReader(List.copyOf(files), startZxid, options);
  }

  /** The files this read visits, oldest first. */
  public List<LogFile> files() {
    return files;
  }

  /**
   * Moves to the next entry with zxid at or above the start; false at the end of the log.
   *
   * @throws FormatException at corruption (also recorded as {@link #outcome()})
   */
  public boolean next() throws IOException {
    if (outcome instanceof Corruption c) {
      throw c.toException(null);
    }
    if (outcome != null) {
      return false;
    }
    while (true) {
      if (scanner == null && !openNextFile()) {
        outcome = tornTails.isEmpty() || !isLastFile(tornTails.get(tornTails.size() - 1))
            ? new CleanEnd(lastReturned) : tornTails.get(tornTails.size() - 1);
        return false;
      }
      if (scanner.next()) {
        long z = scanner.zxid();
        if (!returning && z < startZxid) {
          continue;
        }
        if (returning) {
          checkContinuity(z);
        }
        returning = true;
        lastReturned = z;
        return true;
      }
      LogDamage d = scanner.damage();
      closeScanner();
      if (d instanceof Corruption c) {
        outcome = c;
        throw c.toException(null);
      }
      if (d instanceof TornTail t) {
        tornTails.add(t);
      }
    }
  }

  private boolean isLastFile(TornTail t) {
    return !files.isEmpty() && files.get(files.size() - 1).name().equals(t.file());
  }

  private void checkContinuity(long z) throws IOException {
    if (!options.checkZxidContinuity()) {
      return;
    }
    boolean newEpoch = LogFormat.epoch(z) > LogFormat.epoch(lastReturned);
    if (z == lastReturned + 1 || newEpoch) {
      return;
    }
    Corruption c = new Corruption(scanner.file().name(), scanner.entryOffset(), z, "zxid",
        "0x" + Long.toHexString(lastReturned + 1) + " (the previous entry's zxid + 1, or a later epoch)",
        "0x" + Long.toHexString(z) + (z <= lastReturned ? " (goes backwards)" : " (skips "
            + (z - lastReturned - 1) + ")"));
    closeScanner();
    outcome = c;
    throw c.toException(null);
  }

  private boolean openNextFile() throws IOException {
    if (fileIndex + 1 >= files.size()) {
      return false;
    }
    fileIndex++;
    scanner = new FileScanner(files.get(fileIndex), options.maxPayloadBytes());
    return true;
  }

  private void closeScanner() throws IOException {
    if (scanner != null) {
      FileScanner s = scanner;
      scanner = null;
      s.close();
    }
  }

  /** The current entry's zxid. */
  public long zxid() {
    return scanner.zxid();
  }

  /** The current entry's op type, read from its header without decoding. */
  public int type() {
    return scanner.type();
  }

  /** The file holding the current entry. */
  public LogFile file() {
    return scanner.file();
  }

  /** Offset of the current entry's frame in its file. */
  public long offset() {
    return scanner.entryOffset();
  }

  /** Bytes the current entry's frame takes in its file (payload plus 13). */
  public long frameLength() {
    return LogFormat.frameSize(scanner.payloadLength());
  }

  /** The current entry's payload bytes as a read-only view of the read buffer, valid until the next call. */
  public ByteBuffer payload() throws IOException {
    return scanner.payload().asReadOnlyBuffer();
  }

  /** A copy of the current entry's payload. */
  public byte[] payloadBytes() throws IOException {
    ByteBuffer p = scanner.payload();
    byte[] out = new byte[p.remaining()];
    p.get(out);
    return out;
  }

  /**
   * Decodes the current entry. A payload with a valid checksum that does not decode (e.g. an unknown op
   * type) is corruption: it throws and ends the read.
   */
  public TxnRecord record() throws IOException {
    long base = scanner.entryOffset() + LogFormat.FRAME_PREFIX;
    try {
      return TxnCodec.decodePayload(new JuteReader(scanner.payload(), base, scanner.file().name(),
          options.maxPayloadBytes()));
    } catch (FormatException e) {
      Corruption c = new Corruption(scanner.file().name(), scanner.entryOffset(), scanner.zxid(), "payload",
          "a decodable txn", e.getMessage());
      closeScanner();
      outcome = c;
      throw c.toException(e);
    }
  }

  /**
   * Checks, without decoding the body, that the current entry's op type is one ZooKeeper loads; an unknown
   * type is corruption, reported and ending the read as {@link #record()} would.
   */
  public void requireKnownType() throws IOException {
    int type = scanner.type();
    if (!OpCode.isTopLevel(type)) {
      Corruption c = new Corruption(scanner.file().name(), scanner.entryOffset(), scanner.zxid(), "payload",
          "a decodable txn", "Unsupported Txn with type=" + type);
      closeScanner();
      outcome = c;
      throw c.toException(null);
    }
  }

  /** The current entry decoded, with its location. */
  public LogEntry entry() throws IOException {
    String name = scanner.file().name();
    long offset = scanner.entryOffset();
    return new LogEntry(record(), name, offset);
  }

  /** Torn tails met so far, each skipped. */
  public List<TornTail> tornTails() {
    return List.copyOf(tornTails);
  }

  /** How the read ended: null while it has not, else clean end, the newest file's torn tail, or corruption. */
  public ReadOutcome outcome() {
    return outcome;
  }

  /** The zxid of the last entry returned, or -1. */
  public long lastReturnedZxid() {
    return lastReturned;
  }

  /**
   * The remaining entries, decoded. Corruption surfaces as an {@link UncheckedIOException} wrapping the
   * {@link FormatException}.
   */
  @Override
  public Iterator<LogEntry> iterator() {
    return new Iterator<>() {
      private LogEntry pending;

      @Override
      public boolean hasNext() {
        if (pending != null) {
          return true;
        }
        try {
          if (TxnLogReader.this.next()) {
            pending = entry();
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return pending != null;
      }

      @Override
      public LogEntry next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        LogEntry e = pending;
        pending = null;
        return e;
      }
    };
  }

  @Override
  public void close() throws IOException {
    closeScanner();
  }
}
