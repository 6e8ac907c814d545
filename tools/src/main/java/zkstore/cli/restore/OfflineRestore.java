package zkstore.cli.restore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import zkstore.cli.UnusableInputException;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.engine.EngineConfig;
import zkstore.engine.RestoreReport;
import zkstore.engine.StoreRestore;
import zkstore.jute.JuteMaxBuffer;

/**
 * The tools' read-only restore: the engine's {@link StoreRestore} (its RestorePolicy: newest snapshot that
 * verifies, idempotent replay, torn tail dropped, holes and corruption refused), with its report turned into
 * lines for people.
 */
public final class OfflineRestore {
  private OfflineRestore() {}

  /** The engine config that reads exactly {@code layout}'s directories, files of a ZooKeeper with {@code limits}. */
  public static EngineConfig config(DataDirLayout layout, JuteMaxBuffer limits) {
    return EngineConfig.of(dataDirOf(layout.snapDir()), dataDirOf(layout.logDir())).withJuteMaxBuffer(limits);
  }

  private static Path dataDirOf(Path versionDir) {
    Path abs = versionDir.toAbsolutePath().normalize();
    if (abs.getFileName() == null || !abs.getFileName().toString().equals(DataDirLayout.VERSION_DIR)) {
      throw new UnusableInputException(versionDir + ": a restore needs ZooKeeper's layout (files in a version-2 directory)");
    }
    return abs.getParent();
  }

  /** Everything the directory holds. */
  public static Restored restore(DataDirLayout layout, JuteMaxBuffer limits) throws IOException {
    return restored(StoreRestore.latest(config(layout, limits)));
  }

  /** The state exactly as of {@code target}: every txn up to it and none after. */
  public static Restored restore(DataDirLayout layout, long target, JuteMaxBuffer limits) throws IOException {
    return restored(StoreRestore.asOf(config(layout, limits), target));
  }

  private static Restored restored(StoreRestore.RestoredTree r) {
    RestoreReport rep = r.report();
    String start;
    long snapZxid = -1;
    if (rep.start() instanceof RestoreReport.FromSnapshot s) {
      start = s.file();
      snapZxid = s.zxid();
    } else if (rep.start() instanceof RestoreReport.FromLogsAlone l) {
      start = "the logs alone (no usable snapshot), from zxid 0x" + Long.toHexString(l.firstZxid());
    } else {
      start = "an empty store";
    }
    List<String> skipped = rep.skipped().stream().map(s -> s.file() + ": " + s.reason()).toList();
    return new Restored(r.tree(), rep.finalZxid(), start, snapZxid, skipped, rep.txnsReplayed(),
        rep.tornTail() == null ? null : rep.tornTail().describe());
  }
}
