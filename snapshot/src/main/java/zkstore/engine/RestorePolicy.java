package zkstore.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import zkstore.engine.RestoreRefusedException.Reason;
import zkstore.engine.RestoreReport.DigestCheck;
import zkstore.engine.RestoreReport.SkippedSnapshot;
import zkstore.engine.RestoreReport.SnapshotDigestOutcome;
import zkstore.record.TxnRecord;
import zkstore.snapshot.SnapshotDigest;
import zkstore.snapshot.SnapshotFile;
import zkstore.txnlog.TornTail;

/**
 * The one place that decides how a store comes back (FORMATS.md §5, with zkstore's stricter rules):
 * <ol>
 * <li>Snapshots newest first; at most {@value #MAX_CANDIDATES} that pass ZooKeeper's pre-check are tried; the
 *     first whose structure and seals verify wins. Every one passed over is reported with why.</li>
 * <li>Every logged txn after the snapshot's zxid is replayed with the idempotent rules.</li>
 * <li>Continuity: the replayed zxids must follow each other without a hole from the snapshot's zxid on (a new
 *     epoch starts at counter 1); a hole is refused naming the missing range. ZooKeeper skips it silently.</li>
 * <li>A torn tail ends the replay and is reported; corruption refuses the restore.</li>
 * <li>No usable snapshot: the logs alone, if they reach back to the first txn ever; otherwise a refusal.
 *     Neither snapshot nor log: an empty tree only when the caller allows it.</li>
 * <li>Digests: the snapshot's digest section when the replay reaches its zxid, and every logged digest after
 *     the snapshot's fuzzy window, are compared with the tree's.</li>
 * </ol>
 * A point-in-time restore ({@link #restoreTo}) uses only snapshots whose fuzzy window closed at or before the
 * target, and stops the replay at the target.
 */
public final class RestorePolicy<T extends EngineTree> {
  /** ZooKeeper tries at most this many snapshots. */
  public static final int MAX_CANDIDATES = 100;

  private final SnapshotStore<T> snapshots;
  private final LogSource log;
  private final Supplier<T> emptyTree;
  private final boolean emptyStartAllowed;

  RestorePolicy(SnapshotStore<T> snapshots, LogSource log, Supplier<T> emptyTree, boolean emptyStartAllowed) {
    this.snapshots = snapshots;
    this.log = log;
    this.emptyTree = emptyTree;
    this.emptyStartAllowed = emptyStartAllowed;
  }

  /** A restored state: the tree (with its sessions) and the report of how it was reached. */
  record Restored<T>(T tree, RestoreReport report) {}

  /** Restores everything the store holds. */
  Restored<T> restore() throws IOException {
    return restore(Long.MAX_VALUE);
  }

  /** Restores the state exactly as of {@code targetZxid}: every txn up to it and none after. */
  Restored<T> restoreTo(long targetZxid) throws IOException {
    return restore(targetZxid);
  }

  private Restored<T> restore(long target) throws IOException {
    List<SkippedSnapshot> skipped = new ArrayList<>();
    List<SnapshotFile> all = snapshots.newestFirst();
    int tried = 0;
    for (SnapshotFile file : all) {
      if (file.zxid() > target) {
        skipped.add(skip(file, "newer than the target zxid " + Zxids.hex(target)));
        continue;
      }
      String precheck = snapshots.precheckFailure(file);
      if (precheck != null) {
        skipped.add(skip(file, precheck));
        continue;
      }
      if (tried == MAX_CANDIDATES) {
        skipped.add(skip(file, "not tried: only the " + MAX_CANDIDATES + " newest candidates are"));
        continue;
      }
      tried++;
      SnapshotStore.Loaded<T> loaded;
      try {
        loaded = snapshots.load(file);
      } catch (IOException | RuntimeException e) {
        skipped.add(skip(file, "does not verify: " + e.getMessage()));
        continue;
      }
      if (target != Long.MAX_VALUE) {
        long end = loaded.fuzzyEndZxid();
        if (end < 0 || end > target) {
          skipped.add(skip(file, end < 0
              ? "its fuzzy window is unknown (no digest section), so it may hold txns after the target"
              : "its fuzzy window ends at " + Zxids.hex(end) + ", after the target " + Zxids.hex(target)));
          continue;
        }
      }
      try {
        return replayFromSnapshot(loaded, skipped, target);
      } catch (RestoreRefusedException e) {
        throw namingSkipped(e, skipped);
      }
    }
    try {
      return withoutSnapshot(skipped, !all.isEmpty(), target);
    } catch (RestoreRefusedException e) {
      throw namingSkipped(e, skipped);
    }
  }

  /** A refusal met after newer snapshots were skipped also says why each was, unless it already does. */
  private static RestoreRefusedException namingSkipped(RestoreRefusedException e, List<SkippedSnapshot> skipped) {
    if (skipped.isEmpty() || e.reason() == Reason.NO_VALID_SNAPSHOT) {
      return e;
    }
    return new RestoreRefusedException(e.reason(), e.getMessage() + "\nnewer snapshots skipped first:"
        + reasons(skipped), e.getCause());
  }

  private static SkippedSnapshot skip(SnapshotFile file, String reason) {
    return new SkippedSnapshot(file.path().toString(), file.zxid(), reason);
  }

  private Restored<T> replayFromSnapshot(SnapshotStore.Loaded<T> loaded, List<SkippedSnapshot> skipped, long target)
      throws IOException {
    long snapZxid = loaded.file().zxid();
    Replay replay = new Replay(loaded.tree(), snapZxid, false, loaded.digest(), target);
    replay.run();
    RestoreReport.Start start = new RestoreReport.FromSnapshot(loaded.file().path().toString(), snapZxid,
        loaded.digest() == null ? -1 : loaded.digest().zxid());
    return replay.finish(start, skipped);
  }

  private Restored<T> withoutSnapshot(List<SkippedSnapshot> skipped, boolean hadSnapshots, long target)
      throws IOException {
    long first;
    try (LogSource.Cursor cursor = log.readFrom(0)) {
      TxnRecord r = readNext(cursor);
      first = r == null ? -1 : r.zxid();
    }
    if (first == -1) {
      if (hadSnapshots) {
        throw new RestoreRefusedException(Reason.NO_VALID_SNAPSHOT,
            "no snapshot verifies and there is no log to rebuild from:" + reasons(skipped));
      }
      if (!emptyStartAllowed) {
        throw new RestoreRefusedException(Reason.EMPTY_STORE,
            "the store holds neither snapshot nor log; an empty start must be asked for explicitly");
      }
      return new Restored<>(emptyTree.get(), new RestoreReport(new RestoreReport.EmptyStore(),
          skipped, 0, null, -1, new DigestCheck(SnapshotDigestOutcome.ABSENT, 0, 0, -1)));
    }
    if (!Zxids.isFirstEver(first)) {
      String why = "the oldest logged txn is " + Zxids.hex(first) + ", so the logs do not reach back to the first txn";
      throw hadSnapshots
          ? new RestoreRefusedException(Reason.NO_VALID_SNAPSHOT, "no snapshot verifies and " + why + ":"
              + reasons(skipped))
          : new RestoreRefusedException(Reason.LOGS_DO_NOT_REACH_BACK, "no snapshot found and " + why);
    }
    Replay replay = new Replay(emptyTree.get(), 0, true, null, target);
    replay.run();
    return replay.finish(new RestoreReport.FromLogsAlone(first), skipped);
  }

  private static String reasons(List<SkippedSnapshot> skipped) {
    StringBuilder sb = new StringBuilder();
    for (SkippedSnapshot s : skipped) {
      sb.append("\n  ").append(s.file()).append(": ").append(s.reason());
    }
    return sb.toString();
  }

  private static TxnRecord readNext(LogSource.Cursor cursor) throws IOException {
    try {
      return cursor.next();
    } catch (CorruptLogException e) {
      throw new RestoreRefusedException(Reason.CORRUPT_LOG, "the log is corrupt: " + e.getMessage(), e);
    }
  }

  /** One replay of the log onto a loaded (or empty) tree, with its continuity and digest bookkeeping. */
  private final class Replay {
    private final T tree;
    private final long startZxid;
    private final boolean fromLogsAlone;
    private final long target;
    private final SnapshotDigest snapshotDigest;
    private SnapshotDigestOutcome snapshotOutcome;
    private boolean watchingSnapshotDigest;
    private long prev;
    private long replayed;
    private long compared;
    private long mismatches;
    private long firstMismatch = -1;
    private TornTail tornTail;

    Replay(T tree, long startZxid, boolean fromLogsAlone, SnapshotDigest digest,
        long target) {
      this.tree = tree;
      this.startZxid = startZxid;
      this.fromLogsAlone = fromLogsAlone;
      this.snapshotDigest = digest;
      this.target = target;
      this.prev = startZxid;
      if (digest == null || digest.zxid() < startZxid || (digest.zxid() == 0 && digest.digest() == 0)) {
        snapshotOutcome = SnapshotDigestOutcome.ABSENT;
      } else if (digest.zxid() == startZxid) {
        snapshotOutcome = tree.digest() == digest.digest() ? SnapshotDigestOutcome.MATCHED
            : SnapshotDigestOutcome.MISMATCHED;
      } else {
        watchingSnapshotDigest = true;
      }
    }

    void run() throws IOException {
      boolean targetPassed = false;
      try (LogSource.Cursor cursor = log.readFrom(fromLogsAlone ? 0 : startZxid + 1)) {
        TxnRecord txn;
        while ((txn = readNext(cursor)) != null) {
          long zxid = txn.zxid();
          if (zxid <= startZxid && !fromLogsAlone) {
            continue;
          }
          if (zxid > target) {
            targetPassed = true;
            break;
          }
          boolean first = replayed == 0;
          if (!(first && fromLogsAlone) && !Zxids.follows(prev, zxid)) {
            throw missing(prev, zxid);
          }
          tree.applyReplay(txn);
          replayed++;
          prev = zxid;
          checkDigests(txn);
        }
        if (!targetPassed) {
          tornTail = cursor.tornTail();
        }
      }
      if (target != Long.MAX_VALUE && prev != target && !targetPassed) {
        throw new RestoreRefusedException(Reason.TARGET_UNREACHABLE, "the log ends at " + Zxids.hex(prev)
            + ", before the target " + Zxids.hex(target));
      }
      if (watchingSnapshotDigest) {
        snapshotOutcome = SnapshotDigestOutcome.NOT_REACHED;
      }
    }

    private void checkDigests(TxnRecord txn) {
      long zxid = txn.zxid();
      if (watchingSnapshotDigest && zxid >= snapshotDigest.zxid()) {
        watchingSnapshotDigest = false;
        if (zxid == snapshotDigest.zxid()) {
          snapshotOutcome = tree.digest() == snapshotDigest.digest() ? SnapshotDigestOutcome.MATCHED
              : SnapshotDigestOutcome.MISMATCHED;
        } else {
          snapshotOutcome = SnapshotDigestOutcome.NOT_REACHED;
        }
      }
      if (!watchingSnapshotDigest && txn.digest() != null) {
        compared++;
        if (txn.digest().treeDigest() != tree.digest()) {
          mismatches++;
          if (firstMismatch < 0) {
            firstMismatch = zxid;
          }
        }
      }
    }

    private RestoreRefusedException missing(long prev, long next) {
      String range = next - 1 == prev + 1 ? Zxids.hex(prev + 1)
          : Zxids.hex(prev + 1) + " to " + Zxids.hex(next - 1);
      return new RestoreRefusedException(Reason.MISSING_TXNS, "txns " + range + " are missing from the log: "
          + (replayed == 0 && !fromLogsAlone ? "the snapshot is at " : "the log goes from ") + Zxids.hex(prev)
          + " to " + Zxids.hex(next) + " (a log file is missing or was purged)");
    }

    Restored<T> finish(RestoreReport.Start start, List<SkippedSnapshot> skipped) {
      long finalZxid = replayed > 0 ? prev : startZxid;
      DigestCheck digests = new DigestCheck(snapshotOutcome, compared, mismatches, firstMismatch);
      return new Restored<>(tree, new RestoreReport(start, skipped, replayed, tornTail, finalZxid, digests));
    }
  }
}
