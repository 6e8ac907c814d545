package zkstore.engine;

import java.util.ArrayList;
import java.util.List;
import zkstore.txnlog.TornTail;

/**
 * What a restore did: where it started, which snapshots it passed over and why, how many txns it replayed,
 * whether it dropped a torn log tail, the zxid it reached and how the digests compared.
 *
 * @param start the state the replay started from
 * @param skipped snapshots not used, newest first, each with the reason
 * @param txnsReplayed log entries applied after the start
 * @param tornTail the torn end of the log that was dropped (never acknowledged), or null
 * @param finalZxid the last zxid of the restored state (-1 for an empty store)
 * @param digests the digest comparisons made during the replay
 */
public record RestoreReport(Start start, List<SkippedSnapshot> skipped, long txnsReplayed, TornTail tornTail,
    long finalZxid, DigestCheck digests) {

  public RestoreReport {
    skipped = List.copyOf(skipped);
  }

  /** Where a restore started. */
  public sealed interface Start permits FromSnapshot, FromLogsAlone, EmptyStore {}

  /**
   * A verified snapshot file.
   *
   * @param file the snapshot's path
   * @param zxid the zxid in its name (the restored tree's lastProcessedZxid before replay)
   * @param fuzzyEndZxid the zxid recorded in its digest section (the last txn applied when its walk ended), or
   *     -1 when the file has no digest section
   */
  public record FromSnapshot(String file, long zxid, long fuzzyEndZxid) implements Start {}

  /** No usable snapshot, but the logs reach back to the first txn ever: replayed onto an empty tree. */
  public record FromLogsAlone(long firstZxid) implements Start {}

  /** Neither snapshot nor log: an empty tree, only because the caller allowed it. */
  public record EmptyStore() implements Start {}

  /** A snapshot the restore did not use, and why. */
  public record SkippedSnapshot(String file, long zxid, String reason) {}

  /** How the restored tree's digest compared. */
  public enum SnapshotDigestOutcome {
    /** The tree's digest equalled the snapshot's digest section once the replay reached that zxid. */
    MATCHED,
    /** It differed. */
    MISMATCHED,
    /** The logs ended before the zxid of the snapshot's digest section. */
    NOT_REACHED,
    /** No snapshot digest to compare (no snapshot, a pre-3.6 file, or an empty digest section). */
    ABSENT
  }

  /**
   * Digest comparisons. Logged {@code TxnDigest}s are compared only after the snapshot's fuzzy window, as
   * ZooKeeper does: inside it the tree may already hold later txns.
   *
   * @param snapshot the snapshot digest outcome
   * @param logDigestsCompared logged digests compared with the tree after applying their txn
   * @param logDigestMismatches how many of those differed
   * @param firstMismatchZxid the zxid of the first mismatch, or -1
   */
  public record DigestCheck(SnapshotDigestOutcome snapshot, long logDigestsCompared, long logDigestMismatches,
      long firstMismatchZxid) {
    /** True when nothing that was compared differed. */
    public boolean clean() {
      return snapshot != SnapshotDigestOutcome.MISMATCHED && logDigestMismatches == 0;
    }
  }

  /** A few lines for a user. */
  public String describe() {
    List<String> lines = new ArrayList<>();
    if (start instanceof FromSnapshot s) {
      lines.add("restored from " + s.file() + " (zxid " + Zxids.hex(s.zxid()) + ")");
    } else if (start instanceof FromLogsAlone l) {
      lines.add("no usable snapshot; replayed the logs from " + Zxids.hex(l.firstZxid()) + " onto an empty tree");
    } else {
      lines.add("empty store: started an empty tree");
    }
    for (SkippedSnapshot s : skipped) {
      lines.add("skipped " + s.file() + ": " + s.reason());
    }
    lines.add("replayed " + txnsReplayed + " txns; final zxid " + Zxids.hex(finalZxid));
    if (tornTail != null) {
      lines.add("dropped " + tornTail.describe());
    }
    lines.add("digest: snapshot " + digests.snapshot() + ", " + digests.logDigestsCompared() + " logged digests compared, "
        + digests.logDigestMismatches() + " mismatches"
        + (digests.firstMismatchZxid() >= 0 ? " (first at " + Zxids.hex(digests.firstMismatchZxid()) + ")" : ""));
    return String.join("\n", lines);
  }
}
