package zkstore.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Decides a purge as ZooKeeper's PurgeTxnLog does: keep the newest {@code retain} valid snapshots; with Z the
 * zxid of the oldest kept, keep the newest log starting at or before Z and every later log; delete snapshots
 * below Z (valid or not) and the other logs below Z. Files whose names do not parse are never deleted
 * (ZooKeeper deletes {@code snapshot.*} / {@code log.*} names it cannot parse).
 */
public final class PurgePolicy {
  /** Prefix of transaction log names. */
  public static final String LOG_PREFIX = "log";

  /** Decides whether a listed snapshot counts as valid; ZooKeeper uses the cheap pre-check. */
  @FunctionalInterface
  public interface Validity {
    boolean isValid(SnapshotFile file) throws IOException;
  }

  private final int retain;
  private final Validity validity;

  /**
   * @param retain snapshots to keep, at least 1 (ZooKeeper's tools insist on 3)
   * @param validity which snapshots count; {@link SnapshotFiles#passesPrecheck} is ZooKeeper's rule
   */
  public PurgePolicy(int retain, Validity validity) {
    if (retain < 1) {
      throw new IllegalArgumentException("retain " + retain + ", expected >= 1");
    }
    this.retain = retain;
    this.validity = validity;
  }

  /** ZooKeeper's policy: the cheap validity pre-check. */
  public static PurgePolicy keepNewest(int retain) {
    return new PurgePolicy(retain, SnapshotFiles::passesPrecheck);
  }

  /** Plans a purge of {@code snapDir} and {@code logDir} (the two {@code version-2} dirs, possibly the same). */
  public PurgePlan plan(Path snapDir, Path logDir) throws IOException {
    return plan(SnapshotFiles.listNewestFirst(snapDir), listLogs(logDir));
  }

  /** Plans from explicit lists: snapshots in any order, logs named {@code log.<hex>}. */
  public PurgePlan plan(List<SnapshotFile> snapshots, List<Path> logs) throws IOException {
    List<SnapshotFile> newestFirst = new ArrayList<>(snapshots);
    newestFirst.sort(Comparator.comparingLong(SnapshotFile::zxid).reversed()
        .thenComparing(f -> f.name().name()));
    List<SnapshotFile> kept = new ArrayList<>();
    for (SnapshotFile f : newestFirst) {
      if (kept.size() == retain) {
        break;
      }
      if (validity.isValid(f)) {
        kept.add(f);
      }
    }
    List<Path> sortedLogs = new ArrayList<>();
    for (Path p : logs) {
      if (logZxid(p) >= 0) {
        sortedLogs.add(p);
      }
    }
    sortedLogs.sort(Comparator.comparingLong(PurgePolicy::logZxid).thenComparing(Path::toString));
    if (kept.isEmpty()) {
      return new PurgePlan(List.of(), -1, List.copyOf(sortedLogs), List.of(), List.of());
    }
    long z = kept.get(kept.size() - 1).zxid();
    long startLog = 0;
    for (Path p : sortedLogs) {
      long zx = logZxid(p);
      if (zx > z) {
        break;
      }
      startLog = Math.max(startLog, zx);
    }
    List<Path> retained = new ArrayList<>();
    List<Path> deleteLogs = new ArrayList<>();
    for (Path p : sortedLogs) {
      long zx = logZxid(p);
      if (zx >= startLog) {
        retained.add(p);
      } else if (zx < z) {
        deleteLogs.add(p);
      }
    }
    List<Path> deleteSnaps = new ArrayList<>();
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      SnapshotFile f = newestFirst.get(i);
      if (f.zxid() < z) {
        deleteSnaps.add(f.path());
      }
    }
    return new PurgePlan(List.copyOf(kept), z, List.copyOf(retained), List.copyOf(deleteSnaps),
        List.copyOf(deleteLogs));
  }

  /** The zxid in a {@code log.<hex>} name, -1 if it does not parse. */
  public static long logZxid(Path log) {
    return SnapshotFileName.zxidFromName(log.getFileName().toString(), LOG_PREFIX);
  }

  private static List<Path> listLogs(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> logZxid(p) >= 0 && Files.isRegularFile(p)).toList();
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }
}
