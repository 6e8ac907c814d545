package zkstore.cli.restore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.jute.FormatException;
import zkstore.snapshot.SnapshotFile;
import zkstore.snapshot.SnapshotFiles;
import zkstore.snapshot.TreeSnapshots;
import zkstore.tree.ApplyMode;
import zkstore.tree.DataTree;
import zkstore.txnlog.TornTail;
import zkstore.txnlog.TxnLogReader;

/**
 * Restores a data directory read-only, as ZooKeeper does (FORMATS.md §5) but refusing holes and corruption:
 * the newest snapshot that verifies, then every logged txn after it replayed idempotently, up to an optional
 * target zxid. For a target, only snapshots whose fuzzy window closed at or before it are used.
 * Interim: the engine's RestorePolicy takes this job once it offers an offline, read-only entry point.
 */
public final class OfflineRestore {
  private static final int MAX_CANDIDATES = 100;

  private OfflineRestore() {}

  /** Everything the directory holds. */
  public static Restored restore(DataDirLayout layout) throws IOException {
    return restore(layout, Long.MAX_VALUE);
  }

  /** The state exactly as of {@code target}: every txn up to it and none after. */
  public static Restored restore(DataDirLayout layout, long target) throws IOException {
    List<String> skipped = new ArrayList<>();
    int tried = 0;
    for (SnapshotFile file : SnapshotFiles.listNewestFirst(layout.snapDir())) {
      String name = file.path().getFileName().toString();
      if (file.zxid() > target) {
        skipped.add(name + ": newer than the target zxid 0x" + Long.toHexString(target));
        continue;
      }
      if (!SnapshotFiles.passesPrecheck(file)) {
        skipped.add(name + ": fails ZooKeeper's pre-check (truncated or not a snapshot)");
        continue;
      }
      if (++tried > MAX_CANDIDATES) {
        break;
      }
      TreeSnapshots.Loaded loaded;
      try {
        loaded = TreeSnapshots.load(file.path());
      } catch (IOException | RuntimeException e) {
        skipped.add(name + ": does not verify: " + e.getMessage());
        continue;
      }
      if (target != Long.MAX_VALUE) {
        var digest = loaded.result().digest();
        if (digest == null || digest.zxid() > target) {
          skipped.add(name + ": its fuzzy window " + (digest == null ? "is unknown (no digest section)"
              : "ends at 0x" + Long.toHexString(digest.zxid())) + ", it may hold txns after the target");
          continue;
        }
      }
      return replay(layout, loaded.tree(), file.zxid(), file.path().toString(), skipped, target);
    }
    return fromLogsAlone(layout, skipped, target);
  }

  private static Restored fromLogsAlone(DataDirLayout layout, List<String> skipped, long target) throws IOException {
    long first;
    try (TxnLogReader r = TxnLogReader.open(layout.logDir(), 0)) {
      first = r.next() ? r.zxid() : -1;
    } catch (FormatException e) {
      throw zkstore.cli.Problems.inDir(e, layout.logDir());
    }
    if (first == -1) {
      if (!skipped.isEmpty()) {
        throw new RestoreRefusedException("no snapshot verifies and there is no log to rebuild from: "
            + String.join("; ", skipped));
      }
      return new Restored(new DataTree(), -1, "an empty store (no snapshot, no log)", -1, skipped, 0, null);
    }
    if ((first & 0xffffffffL) != 1) {
      throw new RestoreRefusedException("no usable snapshot"
          + (skipped.isEmpty() ? "" : " (" + String.join("; ", skipped) + ")")
          + " and the oldest logged txn is 0x" + Long.toHexString(first) + ", so the logs do not reach back to the first txn");
    }
    return replay(layout, new DataTree(), first - 1, "the logs alone (no usable snapshot)", skipped, target);
  }

  private static Restored replay(DataDirLayout layout, DataTree tree, long snapZxid, String start,
      List<String> skipped, long target) throws IOException {
    long replayed = 0;
    long last = snapZxid;
    String torn = null;
    try (TxnLogReader r = TxnLogReader.open(layout.logDir(), snapZxid + 1)) {
      while (r.next()) {
        long z = r.zxid();
        if (z > target) {
          break;
        }
        if (replayed == 0 && z != snapZxid + 1 && (z >>> 32) == (snapZxid >>> 32)) {
          throw new RestoreRefusedException("the logs continue at zxid 0x" + Long.toHexString(z) + " but the start ("
              + start + ") is at 0x" + Long.toHexString(snapZxid) + ": txns 0x" + Long.toHexString(snapZxid + 1)
              + "..0x" + Long.toHexString(z - 1) + " are missing");
        }
        tree.apply(r.record(), ApplyMode.REPLAY);
        replayed++;
        last = z;
      }
      if (r.outcome() instanceof TornTail t) {
        torn = t.describe();
      }
    } catch (FormatException e) {
      throw new RestoreRefusedException("cannot replay past "
          + (e.file() == null ? "" : layout.logDir().resolve(e.file()) + ": ") + e.getMessage(), e);
    }
    tree.setLastProcessedZxid(Math.max(tree.lastProcessedZxid(), last));
    return new Restored(tree, last, start, snapZxid, List.copyOf(skipped), replayed, torn);
  }
}
