package zkstore.engine;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import zkstore.record.TxnRecord;
import zkstore.snapshot.SnapshotFiles;
import zkstore.snapshot.SnapshotWriteOptions;
import zkstore.snapshot.SnapshotWriteResult;
import zkstore.snapshot.SnapshotWriter;
import zkstore.snapshot.TreeSnapshotSource;
import zkstore.tree.ApplyMode;
import zkstore.tree.DataTree;
import zkstore.tree.TreeOptions;
import zkstore.tree.TxnResult;
import zkstore.txnlog.LogTruncation;
import zkstore.txnlog.TxnLogConfig;
import zkstore.txnlog.TxnLogWriter;

/**
 * A data tree, its txn log and its snapshots, as one store. {@link #open} restores (see {@link RestorePolicy});
 * {@link #apply} logs a txn and then applies it through the tree's one entry point; {@link #commit} makes every
 * txn applied so far durable, concurrent committers sharing one force. Every snapCount txns (randomised as
 * ZooKeeper does) the log rolls and a fuzzy snapshot is written in the background while txns keep flowing.
 *
 * <p>Txns are applied with the same rules a restore replays them with ({@link ApplyMode#REPLAY}), so the live
 * tree and a tree restored from the same log can never differ. {@code apply} may be called from several
 * threads; txns must arrive in zxid order.
 */
public final class StorageEngine implements Closeable {
  private static final System.Logger LOG = System.getLogger(StorageEngine.class.getName());

  private final EngineConfig config;
  private final DataTree tree;
  private final TxnLogWriter log;
  private final RestoreReport restoreReport;
  private final SnapshotSchedule schedule;
  private final FuzzySnapshotter snapshotter;
  private final Object writeLock = new Object();
  private volatile IOException failure;
  private boolean closed;

  private StorageEngine(EngineConfig config, DataTree tree, TxnLogWriter log, RestoreReport report) {
    this.config = config;
    this.tree = tree;
    this.log = log;
    this.restoreReport = report;
    long seed = config.rollSeed() != null ? config.rollSeed() : System.nanoTime();
    this.schedule = new SnapshotSchedule(config.snapCount(), config.snapSizeLimitBytes(), seed);
    this.snapshotter = new FuzzySnapshotter(config.snapDir(),
        new SnapshotWriter(SnapshotWriteOptions.DEFAULT.withCompression(config.compression())));
  }

  /**
   * Opens the store in {@code config}'s directories, restoring it. A store restored without a snapshot (from
   * the logs alone, or an allowed empty start) gets one at once, so that ZooKeeper can load the directory too.
   *
   * @throws RestoreRefusedException when the policy refuses the store (the message says why)
   */
  public static StorageEngine open(EngineConfig config) throws IOException {
    Files.createDirectories(config.snapDir());
    Files.createDirectories(config.logDir());
    for (Path leftover : SnapshotFiles.temporaries(config.snapDir())) {
      Files.deleteIfExists(leftover);
    }
    RestorePolicy.Restored<TreeHandle> restored = policy(config).restore();
    DataTree tree = restored.tree().tree();
    RestoreReport report = restored.report();
    tree.setLastProcessedZxid(Math.max(0, report.finalZxid()));
    if (report.tornTail() != null && report.finalZxid() > 0) {
      cutTornTail(config, report);
    }
    TxnLogWriter log = TxnLogWriter.open(logConfig(config));
    for (Path removed : log.removedOnOpen()) {
      LOG.log(Level.INFO, "removed " + removed + ": a log file a crash left without a header, holding no txn");
    }
    StorageEngine engine = new StorageEngine(config, tree, log, report);
    if (!(report.start() instanceof RestoreReport.FromSnapshot)) {
      engine.snapshotNow();
    }
    LOG.log(Level.INFO, report.describe());
    return engine;
  }

  /**
   * Cuts the newest log file right after the last restored txn, so that the torn bytes (possibly a whole frame
   * with a bad checksum, which ZooKeeper's reader refuses) are gone before the writer continues in a new file.
   * When no logged entry holds the final zxid, the torn file held only a torn first entry; the writer replaces
   * a file of that name when it starts the next one.
   */
  private static void cutTornTail(EngineConfig config, RestoreReport report) throws IOException {
    try {
      LogTruncation.Report cut = LogTruncation.truncate(config.logDir(), report.finalZxid(),
          config.logReadOptions());
      LOG.log(Level.INFO, "cut the torn tail: " + cut.cutFile() + " now ends after " + Zxids.hex(cut.keptZxid()));
    } catch (IOException e) {
      LOG.log(Level.INFO, "torn tail left for the writer to replace: " + e.getMessage());
    }
  }

  /** The restore policy over {@code config}'s directories, with the tree options zkstore uses. */
  static RestorePolicy<TreeHandle> policy(EngineConfig config) {
    return new RestorePolicy<>(
        new SnapshotDir(config.snapDir(), TreeOptions.DEFAULT, config.snapshotReadOptions()),
        new TxnLogSource(config.logDir(), config.logReadOptions()),
        () -> new TreeHandle(new DataTree(TreeOptions.DEFAULT)), config.emptyStart());
  }

  static TxnLogConfig logConfig(EngineConfig config) {
    return TxnLogConfig.inLogDir(config.logDir()).withPreallocBytes(config.preallocBytes())
        .withDurability(config.durability()).withLimits(config.juteMaxBuffer());
  }

  /**
   * Logs {@code txn} and applies it to the tree; durable only once a later {@link #commit} returns. When the
   * snapshot trigger fires, the log rolls and a fuzzy snapshot starts in the background.
   *
   * @throws IOException if the log refuses the append (nothing was applied), or the engine failed earlier
   */
  public TxnResult apply(TxnRecord txn) throws IOException {
    synchronized (writeLock) {
      checkUsable();
      long before = log.bytesWritten();
      log.append(txn);
      TxnResult result;
      try {
        result = tree.apply(txn, ApplyMode.REPLAY);
      } catch (RuntimeException e) {
        failure = new IOException("txn " + Zxids.hex(txn.zxid()) + " was logged but could not be applied; the "
            + "engine stops so that the tree never differs from the log", e);
        throw failure;
      }
      if (schedule.txnLogged(log.bytesWritten() - before)) {
        log.roll();
        snapshotter.start(source());
      }
      return result;
    }
  }

  /** Makes every txn applied so far durable (with a forcing durability); concurrent callers share one force. */
  public void commit() throws IOException {
    checkUsable();
    log.commit();
  }

  /** {@link #apply} then {@link #commit}: returns once the txn is durable. */
  public TxnResult write(TxnRecord txn) throws IOException {
    TxnResult r = apply(txn);
    commit();
    return r;
  }

  /** Writes a snapshot now, in the calling thread (after any background one), while txns may keep flowing. */
  public SnapshotWriteResult snapshotNow() throws IOException {
    checkUsable();
    return snapshotter.writeNow(source());
  }

  private DurableSnapshotSource source() {
    return new DurableSnapshotSource(new TreeSnapshotSource(tree), writeLock, log::commit);
  }

  /** Waits until no background snapshot is being written (for tools and tests). */
  public void awaitSnapshots() {
    snapshotter.awaitIdle();
  }

  /** The live tree. Read it freely; change it only through {@link #apply}. */
  public DataTree tree() {
    return tree;
  }

  /** The zxid of the last txn applied (the restored zxid before any). */
  public long lastZxid() {
    return tree.lastProcessedZxid();
  }

  /** Open sessions and their timeouts in ms. */
  public Map<Long, Integer> sessions() {
    return tree.sessions();
  }

  /** What the restore at open did. */
  public RestoreReport restoreReport() {
    return restoreReport;
  }

  /** The settings this engine runs with. */
  public EngineConfig config() {
    return config;
  }

  /** Snapshot counters: written, skipped because one was still running, failed. */
  public SnapshotStats snapshotStats() {
    return new SnapshotStats(snapshotter.written(), snapshotter.skipped(), snapshotter.failed(),
        snapshotter.last(), snapshotter.lastFailure());
  }

  /**
   * Snapshot counters.
   *
   * @param last the last snapshot written, or null
   * @param lastFailure why the last failed snapshot failed, or null
   */
  public record SnapshotStats(long written, long skipped, long failed, SnapshotWriteResult last,
      Throwable lastFailure) {}

  private void checkUsable() throws IOException {
    if (failure != null) {
      throw new IOException("the engine failed earlier: " + failure.getMessage(), failure);
    }
  }

  /** Waits for a running snapshot, commits and closes the log. */
  @Override
  public void close() throws IOException {
    synchronized (writeLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    snapshotter.awaitIdle();
    log.close();
  }
}
