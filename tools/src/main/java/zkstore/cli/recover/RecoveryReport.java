package zkstore.cli.recover;

import java.util.ArrayList;
import java.util.List;
import zkstore.cli.format.Counts;

/**
 * What {@code recover} did: the zxid of the recovered state, where it started, and every zxid range it
 * dropped, every file it cut or left out, each with the reason.
 */
public final class RecoveryReport {
  /** A range of txns that are not in the recovered state, or only in a snapshot and no longer in a log. */
  public record Dropped(long fromZxid, long toZxid, Long count, String reason, boolean lostFromState) {}

  /** A file the output does not hold as it was: cut, left out, or written new. */
  public record FileAction(String file, String action) {}

  long recoveredZxid = -1;
  String start;
  long replayed;
  final List<Dropped> dropped = new ArrayList<>();
  final List<FileAction> files = new ArrayList<>();

  public long recoveredZxid() {
    return recoveredZxid;
  }

  public String start() {
    return start;
  }

  public long replayed() {
    return replayed;
  }

  public List<Dropped> dropped() {
    return dropped;
  }

  public List<FileAction> files() {
    return files;
  }

  /** True when no txn was lost from the state (log history may still have been cut). */
  public boolean stateComplete() {
    return dropped.stream().noneMatch(Dropped::lostFromState);
  }

  /** The report as lines for people. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add("recovered state as of zxid 0x" + Long.toHexString(recoveredZxid) + " (started from " + start
        + ", replayed " + replayed + " txns)");
    for (Dropped d : dropped) {
      out.add((d.lostFromState() ? "dropped " : "dropped from the log history only ") + range(d) + ": " + d.reason());
    }
    if (dropped.isEmpty()) {
      out.add("no txn was dropped");
    }
    for (FileAction f : files) {
      out.add(f.file() + ": " + f.action());
    }
    return out;
  }

  static String range(Dropped d) {
    String r = d.toZxid() == Long.MAX_VALUE
        ? "zxid 0x" + Long.toHexString(d.fromZxid()) + " and every later txn in that file"
        : d.fromZxid() == d.toZxid() ? "zxid 0x" + Long.toHexString(d.fromZxid())
        : "zxids 0x" + Long.toHexString(d.fromZxid()) + "..0x" + Long.toHexString(d.toZxid());
    return d.count() == null ? r : r + " (" + Counts.of(d.count(), "txn") + ")";
  }
}
