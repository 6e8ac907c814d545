package zkstore.cli.restore;

import java.util.List;
import zkstore.tree.DataTree;

/**
 * A restored tree and how it was reached.
 *
 * @param tree the tree, its sessions included
 * @param zxid the zxid the state is as of (-1 for an empty store)
 * @param start the snapshot it started from, or a phrase for a start from the logs alone
 * @param snapshotZxid the zxid of that snapshot, -1 when the logs alone were replayed
 * @param skipped snapshots passed over, each with the reason
 * @param replayed txns applied after the start
 * @param tornTail a torn log tail that was dropped, or null
 */
public record Restored(DataTree tree, long zxid, String start, long snapshotZxid, List<String> skipped, long replayed,
    String tornTail) {

  /** A few lines for a user. */
  public List<String> describe() {
    List<String> lines = new java.util.ArrayList<>();
    lines.add("started from " + start);
    skipped.forEach(s -> lines.add("skipped " + s));
    lines.add("replayed " + replayed + " txns; state as of zxid 0x" + Long.toHexString(zxid));
    if (tornTail != null) {
      lines.add("dropped " + tornTail);
    }
    return lines;
  }
}
