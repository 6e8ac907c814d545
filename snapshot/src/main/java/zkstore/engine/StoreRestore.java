package zkstore.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import zkstore.snapshot.EpochFile;
import zkstore.snapshot.SnapshotWriteOptions;
import zkstore.snapshot.SnapshotWriter;
import zkstore.snapshot.TreeSnapshotSource;
import zkstore.tree.DataTree;
import zkstore.txnlog.TxnLogReader;
import zkstore.txnlog.TxnLogWriter;

/**
 * Restores that leave the store untouched, for tools: the latest state, the state exactly as of a zxid
 * (point in time), and a new data dir holding that state which ZooKeeper and zkstore both load.
 */
public final class StoreRestore {
  private StoreRestore() {}

  /** A restored tree (with its sessions) and the report of how it was reached. */
  public record RestoredTree(DataTree tree, RestoreReport report) {}

  /** Everything the store holds, by {@link RestorePolicy}'s rules; nothing on disk changes. */
  public static RestoredTree latest(EngineConfig config) throws IOException {
    RestorePolicy.Restored<TreeHandle> r = StorageEngine.policy(config).restore();
    return new RestoredTree(r.tree().tree(), r.report());
  }

  /**
   * The state exactly as of {@code zxid}: every txn up to it, none after. Only snapshots whose fuzzy window
   * closed at or before {@code zxid} can serve (the others may hold later txns); without one, the logs must
   * reach back to the first txn.
   *
   * @throws RestoreRefusedException with {@link RestoreRefusedException.Reason#TARGET_UNREACHABLE} when the
   *     log ends before {@code zxid}, or another reason when no start can serve
   */
  public static RestoredTree asOf(EngineConfig config, long zxid) throws IOException {
    RestorePolicy.Restored<TreeHandle> r = StorageEngine.policy(config).restoreTo(zxid);
    return new RestoredTree(r.tree().tree(), r.report());
  }

  /**
   * Writes a new data dir holding the state as of {@code zxid}: {@code snapshot.<zxid>} (in {@code source}'s
   * compression), a log with the txns replayed to reach it, and the source's epoch files. The target's
   * {@code version-2} directories must not hold any file yet.
   */
  public static RestoreReport writeAsOf(EngineConfig source, long zxid, Path outDataDir, Path outLogDir)
      throws IOException {
    EngineConfig target = EngineConfig.of(outDataDir, outLogDir).withCompression(source.compression())
        .withJuteMaxBuffer(source.juteMaxBuffer());
    requireEmpty(target.snapDir());
    requireEmpty(target.logDir());
    RestoredTree restored = asOf(source, zxid);
    RestoreReport report = restored.report();
    Files.createDirectories(target.snapDir());
    Files.createDirectories(target.logDir());
    if (report.txnsReplayed() > 0) {
      long from = report.start() instanceof RestoreReport.FromSnapshot s ? s.zxid() + 1 : 0;
      copyLog(source, target, from, report.finalZxid());
    }
    restored.tree().setLastProcessedZxid(Math.max(0, report.finalZxid()));
    new SnapshotWriter(SnapshotWriteOptions.DEFAULT.withCompression(source.compression()))
        .write(target.snapDir(), new TreeSnapshotSource(restored.tree()));
    for (EpochFile epoch : new EpochFile[] {EpochFile.accepted(source.snapDir()),
        EpochFile.current(source.snapDir())}) {
      if (Files.exists(epoch.path())) {
        Files.copy(epoch.path(), target.snapDir().resolve(epoch.path().getFileName()),
            StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return report;
  }

  private static void copyLog(EngineConfig source, EngineConfig target, long from, long to) throws IOException {
    try (TxnLogReader reader = TxnLogReader.open(source.logDir(), from, source.logReadOptions());
        TxnLogWriter writer = TxnLogWriter.open(StorageEngine.logConfig(target))) {
      while (reader.next() && reader.zxid() <= to) {
        writer.appendEncoded(reader.payloadBytes());
      }
      writer.commit();
    }
  }

  private static void requireEmpty(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        if (s.findAny().isPresent()) {
          throw new IOException(dir + " is not empty; a restore writes only into a new data dir");
        }
      }
    }
  }
}
