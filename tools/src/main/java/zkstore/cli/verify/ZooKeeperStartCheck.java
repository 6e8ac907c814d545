package zkstore.cli.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.cli.source.LogReading;
import zkstore.cli.source.LogReading.LogRef;
import zkstore.engine.RestorePolicy;
import zkstore.jute.JuteMaxBuffer;
import zkstore.snapshot.SnapshotFile;
import zkstore.snapshot.SnapshotFiles;
import zkstore.snapshot.ZooKeeperSnapshotLoad;
import zkstore.tree.TreeOptions;

/**
 * Whether Apache ZooKeeper 3.9 starts from a data directory, and from what: the snapshot it loads (FORMATS.md §5)
 * and the log files it replays after it, read by its own rules ({@link ZooKeeperLogRead}). Those rules are stricter
 * than zkstore's in places, so a directory zkstore restores can still stop ZooKeeper, and they are looser in
 * others: ZooKeeper skips the rest of a log file after a partial entry and goes on with the next file.
 */
final class ZooKeeperStartCheck {
  static final String KIND = "start";
  static final String NAME = "zookeeper 3.9";
  private static final String RECOVER_HINT = "; zkstore recover --out NEWDIR writes a copy it starts from";

  private ZooKeeperStartCheck() {}

  /**
   * {@code loads}: whether a snapshot deserializes with every seal valid; {@code clean}: ZooKeeper's read of each log
   * file zkstore's check read to a clean end, which ZooKeeper reads to the same end (null for the others, which are
   * read again here by ZooKeeper's rules). Verify has read every file already. {@code neededMaxBuffer}: the
   * jute.maxbuffer that reads every intact entry and znode verify found above the limit (-1 if none).
   */
  static FileCheck check(DataDirLayout layout, JuteMaxBuffer limits, int neededMaxBuffer,
      Predicate<SnapshotFile> loads, Function<Path, ZooKeeperLogRead.Result> clean) throws IOException {
    String fix = neededMaxBuffer > limits.maxBuffer() ? limitHint(neededMaxBuffer) : RECOVER_HINT;
    List<SnapshotFile> candidates = SnapshotFiles.newestValid(layout.snapDir(), RestorePolicy.MAX_CANDIDATES);
    List<LogRef> logs = LogReading.all(layout.logDir());
    if (candidates.isEmpty()) {
      return withoutSnapshot(!SnapshotFiles.listNewestFirst(layout.snapDir()).isEmpty(), !logs.isEmpty());
    }
    for (SnapshotFile candidate : candidates) {
      // What zkstore loads ZooKeeper loads too; what it refuses, ZooKeeper may still load, or may stop on.
      ZooKeeperSnapshotLoad.Verdict verdict = loads.test(candidate) ? new ZooKeeperSnapshotLoad.Loads()
          : ZooKeeperSnapshotLoad.of(candidate, limits, TreeOptions.DEFAULT.extendedTypesEnabled());
      if (verdict instanceof ZooKeeperSnapshotLoad.Loads) {
        return replay(layout, limits, candidate, clean, fix);
      }
      if (verdict instanceof ZooKeeperSnapshotLoad.Stops stops) {
        return problem("", "will not start: " + candidate.path().getFileName() + ": " + stops.error()
            + ", which its fallback to an older snapshot does not catch" + fix);
      }
    }
    return problem("", "will not start: none of the " + candidates.size() + " newest snapshots that pass its"
        + " precheck loads (\"Not able to find valid snapshots\")" + fix);
  }

  /** What to do when the files hold intact entries or znodes above the limit, which a larger setting reads. */
  private static String limitHint(int needed) {
    return "; the entries or znodes above the limit are intact: if ZooKeeper runs with -Djute.maxbuffer=" + needed
        + " or more, check again with --jute-maxbuffer " + needed + "; if not, zkstore recover --out NEWDIR writes"
        + " a copy it starts from, without them";
  }

  private static FileCheck withoutSnapshot(boolean anySnapshot, boolean anyLog) {
    String none = anySnapshot ? "no snapshot passes its precheck (at least 10 bytes, ending 00 00 00 01 2F)"
        : "there is no snapshot";
    if (anyLog) {
      return problem("", "will not start: " + none + ", but there are log files (\"No snapshot found, but there"
          + " are log entries. Something is broken!\")" + RECOVER_HINT);
    }
    if (anySnapshot) {
      return problem("", "would start with an empty tree: " + none + " and there are no log files");
    }
    return new FileCheck(KIND, NAME, "starts with an empty tree (no snapshot, no log)", List.of(), true);
  }

  private static FileCheck replay(DataDirLayout layout, JuteMaxBuffer limits, SnapshotFile snapshot,
      Function<Path, ZooKeeperLogRead.Result> clean, String fix) throws IOException {
    List<LogRef> files = LogReading.filesFrom(layout.logDir(), snapshot.zxid() + 1);
    List<String> notes = new ArrayList<>();
    List<String> found = new ArrayList<>();
    long last = snapshot.zxid();
    String partial = null;
    for (int i = 0; i < files.size(); i++) {
      LogRef f = files.get(i);
      ZooKeeperLogRead.Result r = clean.apply(f.path());
      if (r == null) {
        r = ZooKeeperLogRead.read(f.path(), i == files.size() - 1, limits.limit());
      }
      if (partial != null && r.entries() > 0) {
        // After a crash ZooKeeper (like zkstore) goes on in a new file right after the last whole entry, and txns
        // the snapshot holds need no replay: only a gap above both is lost.
        if (r.firstZxid() > last + 1 && !DataDirVerifier.follows(last, r.firstZxid())) {
          found.add("starts, but skips the rest of " + partial + " and goes on with " + f.name()
              + " at zxid 0x" + Long.toHexString(r.firstZxid()) + ", so the txns after 0x" + Long.toHexString(last)
              + " are lost" + RECOVER_HINT);
        }
        partial = null;
      }
      if (r.lastZxid() > last) {
        last = r.lastZxid();
      }
      ZooKeeperLogRead.End end = r.end();
      if (end instanceof ZooKeeperLogRead.Fatal fatal) {
        found.add("will not start: " + f.name() + " offset " + fatal.offset() + " (0x"
            + Long.toHexString(fatal.offset()) + ")" + (r.lastZxid() >= 0 ? ", after zxid 0x" + Long.toHexString(r.lastZxid()) : "") + ": "
            + fatal.error() + fix);
        return problemList("", found);
      } else if (end instanceof ZooKeeperLogRead.DeletedEmpty) {
        notes.add("deletes the empty newest log " + f.name());
      } else if (end instanceof ZooKeeperLogRead.Partial p) {
        partial = f.name() + " after offset " + p.offset() + " (" + p.why() + ")";
        notes.add("stops reading " + f.name() + " at offset " + p.offset() + " (" + p.why() + ")");
      }
    }
    String summary = "loads " + snapshot.path().getFileName() + " (0x" + Long.toHexString(snapshot.zxid())
        + (last > snapshot.zxid() ? ") and replays the logs up to 0x" + Long.toHexString(last)
            : "), no later txn to replay")
        + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
    return problemList(summary, found);
  }

  private static FileCheck problem(String summary, String problem) {
    return new FileCheck(KIND, NAME, summary, List.of("ZooKeeper 3.9 " + problem), true);
  }

  private static FileCheck problemList(String summary, List<String> found) {
    return new FileCheck(KIND, NAME, summary, found.stream().map(s -> "ZooKeeper 3.9 " + s).toList(), true);
  }
}
