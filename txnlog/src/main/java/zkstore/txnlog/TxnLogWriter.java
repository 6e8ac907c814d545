package zkstore.txnlog;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import zkstore.jute.JuteWriter;
import zkstore.record.TxnCodec;
import zkstore.record.TxnRecord;

/**
 * Appends txns to the log files of one directory. {@link #append} never waits for the disk; {@link #commit}
 * makes everything appended so far durable, concurrent committers sharing one force. After a restart it
 * always continues in a new file, as ZooKeeper does. Appends, rolls and close are serialised; commit may be
 * called from any thread.
 */
public final class TxnLogWriter implements Closeable {
  private final TxnLogConfig config;
  private final Preallocator preallocator;
  private final ForceWriter forceWriter;
  private final Object lock = new Object();
  private final JuteWriter encoder = new JuteWriter(1024);
  private final List<SegmentWriter> rolledUnforced = new ArrayList<>();
  private SegmentWriter current;
  private WriteWindowPrefaulter prefaulter;
  private SegmentWriter lastCaptured;
  private long lastCapturedPosition;
  private boolean rollRequested;
  private boolean dirSyncNeeded;
  private boolean closed;
  private long lastZxid;
  private long appended;
  private long bytesWritten;
  private final List<Path> removedOnOpen;

  private TxnLogWriter(TxnLogConfig config, long lastZxid, List<Path> removedOnOpen) {
    this.config = config;
    this.removedOnOpen = List.copyOf(removedOnOpen);
    this.preallocator = new Preallocator();
    this.lastZxid = lastZxid;
    this.forceWriter = new ForceWriter(this::captureBatch, 0);
  }

  /**
   * Opens the log in {@code config.dir()} (created if absent), finding the last valid txn of the existing
   * files; the first append starts a new file. Newest files a crash left without a header, which hold no txn but
   * would stop ZooKeeper once a later file exists, are removed ({@link #removedOnOpen()}).
   *
   * @throws zkstore.jute.FormatException if the newest file with entries is corrupt (not just torn)
   */
  public static TxnLogWriter open(TxnLogConfig config) throws IOException {
    Files.createDirectories(config.dir());
    long last = LastLoggedZxid.find(config.dir(), config.maxPayloadBytes());
    List<Path> removed = UnfinishedLogFiles.removeNewest(config.dir());
    if (!removed.isEmpty()) {
      forceDirectory(config.dir());
    }
    return new TxnLogWriter(config, last, removed);
  }

  /** Encodes and appends one txn; its zxid must be larger than every zxid appended before. */
  public void append(TxnRecord txn) throws IOException {
    synchronized (lock) {
      encoder.reset();
      TxnCodec.encodePayload(txn, encoder);
      int len = encoder.size();
      SegmentWriter seg = prepare(txn.zxid(), len);
      try {
        seg.append(encoder);
      } finally {
        encoder.reset();
      }
      appended(txn.zxid(), len);
    }
  }

  /** Appends an already encoded payload (TxnHeader first); its zxid must be larger than every earlier one. */
  public void appendEncoded(byte[] payload) throws IOException {
    appendEncoded(payload, 0, payload.length);
  }

  /** Appends the encoded payload {@code payload[off, off+len)}. */
  public void appendEncoded(byte[] payload, int off, int len) throws IOException {
    if (len < LogFormat.TXN_HEADER_SIZE) {
      throw new IllegalArgumentException("a payload holds at least a 32-byte TxnHeader, got " + len + " bytes");
    }
    long zxid = LogFormat.zxidOfPayload(payload, off);
    synchronized (lock) {
      SegmentWriter seg = prepare(zxid, len);
      seg.append(payload, off, len);
      appended(zxid, len);
    }
  }

  private SegmentWriter prepare(long zxid, int len) throws IOException {
    checkUsable();
    if (zxid <= lastZxid) {
      throw new IllegalArgumentException("zxid 0x" + Long.toHexString(zxid) + " is not above the last logged 0x"
          + Long.toHexString(lastZxid));
    }
    if (len > config.maxPayloadBytes()) {
      throw new IllegalArgumentException("payload of " + len + " bytes exceeds the limit of "
          + config.maxPayloadBytes());
    }
    if (current != null && (rollRequested
        || (config.rollSizeBytes() > 0 && current.position() >= config.rollSizeBytes()))) {
      retireCurrent();
    }
    if (current == null) {
      startSegment(zxid);
    }
    rollRequested = false;
    return current;
  }

  private void appended(long zxid, int len) {
    lastZxid = zxid;
    appended++;
    bytesWritten += LogFormat.frameSize(len);
  }

  private void startSegment(long zxid) throws IOException {
    Path path = config.dir().resolve(LogFormat.fileName(zxid));
    // A file of this name can only hold a torn first entry (its zxid was never logged): start it afresh.
    Files.deleteIfExists(path);
    if (prefaulter == null && WriteWindow.posixWindows()) {
      prefaulter = new WriteWindowPrefaulter(config.durability() == Durability.FORCE, config.earlyWriteback());
    }
    current = SegmentWriter.create(config.dir(), zxid, config, preallocator, prefaulter);
    dirSyncNeeded = true;
    bytesWritten += LogFormat.HEADER_SIZE;
  }

  private void retireCurrent() throws IOException {
    SegmentWriter seg = current;
    current = null;
    seg.release();
    if (config.durability() == Durability.FORCE) {
      rolledUnforced.add(seg);
    } else {
      seg.closeChannel();
    }
  }

  /**
   * Makes every txn appended so far durable (with {@link Durability#FORCE}); with several callers at once
   * one force serves them all. Throws {@link LogFailedException} once any force has failed.
   */
  public void commit() throws IOException {
    long upTo;
    synchronized (lock) {
      checkUsable();
      upTo = appended;
    }
    if (config.durability() == Durability.FORCE) {
      forceWriter.awaitDurable(upTo);
    }
  }

  private ForceWriter.Batch captureBatch() throws IOException {
    synchronized (lock) {
      long upTo = appended;
      List<SegmentWriter> segments = new ArrayList<>(rolledUnforced);
      rolledUnforced.clear();
      SegmentWriter live = current;
      WriteWindowPrefaulter pf = prefaulter;
      WriteWindow window = live == null ? null : live.window();
      long position = live == null ? 0 : live.position();
      long expected = live == null || live != lastCaptured ? 0
          : Math.min(position - lastCapturedPosition, WriteWindowPrefaulter.FORCED_AHEAD_BYTES);
      if (live != null) {
        live.dropWrittenPages();
        lastCaptured = live;
        lastCapturedPosition = position;
      }
      boolean syncDir = dirSyncNeeded;
      dirSyncNeeded = false;
      Path dir = config.dir();
      return new ForceWriter.Batch() {
        @Override
        public long upTo() {
          return upTo;
        }

        @Override
        public void force() throws IOException {
          for (SegmentWriter s : segments) {
            s.force();
            s.closeChannel();
          }
          if (live != null) {
            if (pf != null && window != null && expected >= WriteWindowPrefaulter.MIN_AFTER_FORCE_BYTES) {
              pf.wantAfterForce(window, position, position + expected);
            }
            forceLive(live);
          }
          if (syncDir) {
            forceDirectory(dir);
          }
        }
      };
    }
  }

  private void forceLive(SegmentWriter live) throws IOException {
    try {
      live.force();
    } catch (java.nio.channels.ClosedChannelException e) {
      // closed by close() meanwhile, which forced it itself
    }
  }

  private static void forceDirectory(Path dir) throws IOException {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
  }

  /** The next append starts a new file (the engine asks for this at a snapshot). */
  public void roll() throws IOException {
    synchronized (lock) {
      checkUsable();
      if (current != null) {
        rollRequested = true;
      }
    }
  }

  /** The highest zxid appended or, before any append, found in the existing files (-1 if none). */
  public long lastZxid() {
    synchronized (lock) {
      return lastZxid;
    }
  }

  /** Bytes of headers and entries this writer has written to log files since it opened (never decreases). */
  public long bytesWritten() {
    synchronized (lock) {
      return bytesWritten;
    }
  }

  /** The file the next append goes to, or null when the next append starts a new file. */
  public Path currentFile() {
    synchronized (lock) {
      return current == null || rollRequested ? null : current.path();
    }
  }

  /** How preallocation reserves space here (fallocate, or the reported zero-fill fallback). */
  public Preallocator.Mode preallocationMode() {
    return preallocator.mode();
  }

  /** The settings this writer runs with. */
  public TxnLogConfig config() {
    return config;
  }

  /** Log files without a header that {@link #open} removed (a crash while starting them; none usually). */
  public List<Path> removedOnOpen() {
    return removedOnOpen;
  }

  /** Number of forces run so far (group commit makes this smaller than the number of commits). */
  public long forceCount() {
    return forceWriter.forces();
  }

  private void checkUsable() throws IOException {
    if (closed) {
      throw new IOException("txn log writer for " + config.dir() + " is closed");
    }
    IOException failure = forceWriter.failure();
    if (failure != null) {
      throw new LogFailedException("the txn log failed earlier and accepts no more writes", failure);
    }
  }

  /** Forces what was appended (with {@link Durability#FORCE}) and releases the files. */
  @Override
  public void close() throws IOException {
    synchronized (lock) {
      if (closed) {
        return;
      }
    }
    IOException failure = null;
    if (config.durability() == Durability.FORCE && forceWriter.failure() == null) {
      try {
        commit();
      } catch (IOException e) {
        failure = e;
      }
    }
    synchronized (lock) {
      closed = true;
      if (current != null) {
        current.release();
        current.closeChannel();
        current = null;
      }
      for (SegmentWriter s : rolledUnforced) {
        s.closeChannel();
      }
      rolledUnforced.clear();
      if (prefaulter != null) {
        prefaulter.close();
        prefaulter = null;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
