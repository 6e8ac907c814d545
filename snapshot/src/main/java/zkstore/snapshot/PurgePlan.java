package zkstore.snapshot;

import java.nio.file.Path;
import java.util.List;

/**
 * Which snapshot and log files a purge keeps and deletes (ZooKeeper's PurgeTxnLog rules, FORMATS.md §7).
 *
 * @param keptSnapshots the newest valid snapshots kept, newest first
 * @param oldestKeptZxid zxid of the oldest kept snapshot, -1 if no valid snapshot exists (then nothing is deleted)
 * @param retainedLogs logs needed to restore from the oldest kept snapshot onwards, oldest first
 * @param deleteSnapshots snapshot files with a zxid below the oldest kept one (invalid ones included)
 * @param deleteLogs logs that start below the oldest kept zxid and are not needed by it
 */
public record PurgePlan(List<SnapshotFile> keptSnapshots, long oldestKeptZxid, List<Path> retainedLogs,
    List<Path> deleteSnapshots, List<Path> deleteLogs) {

  /** Every file the plan deletes: snapshots first, then logs. */
  public List<Path> deletions() {
    return java.util.stream.Stream.concat(deleteSnapshots.stream(), deleteLogs.stream()).toList();
  }
}
