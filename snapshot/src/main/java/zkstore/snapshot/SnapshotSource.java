package zkstore.snapshot;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import zkstore.record.Acl;

/**
 * What the writer serializes, asked in file order: the zxid that names the file (read before anything
 * else), sessions, ACL map, the node walk, then the digest and lastProcessedZxid as they stand after the
 * walk. The tree may keep changing during the walk (a fuzzy snapshot).
 */
public interface SnapshotSource {
  /** The tree's lastProcessedZxid now; asked first (names the file) and again after the walk (section 9). */
  long lastProcessedZxid();

  /** A stable copy of the sessions: id to timeout in ms. */
  Map<Long, Integer> sessions();

  /** A stable copy of the ACL map: key to ACL list. */
  Map<Long, List<Acl>> aclMap();

  /** Writes every node, the root first as {@code ""}, each parent before its children. */
  void walk(NodeOutput out) throws IOException;

  /** The (zxid, digest) of the last txn applied, asked after the walk; {@link SnapshotDigest#NONE} if none. */
  SnapshotDigest digest();
}
