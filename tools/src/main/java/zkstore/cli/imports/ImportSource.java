package zkstore.cli.imports;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import zkstore.cli.source.NodeView;
import zkstore.record.Acl;
import zkstore.snapshot.NodeOutput;
import zkstore.snapshot.SnapshotDigest;
import zkstore.snapshot.SnapshotSource;

/**
 * An imported tree as the snapshot writer asks for it: ACL lists numbered 1, 2, ... in path order, one
 * session (with {@code sessionTimeoutMs}) per distinct ephemeral owner so that ZooKeeper expires those nodes.
 */
final class ImportSource implements SnapshotSource {
  private static final long CONTAINER_OWNER = Long.MIN_VALUE;
  private final TreeMap<String, NodeView> nodes;
  private final Map<List<Acl>, Long> keys = new LinkedHashMap<>();
  private final Map<Long, Integer> sessions = new HashMap<>();
  private final long zxid;

  ImportSource(TreeMap<String, NodeView> nodes, int sessionTimeoutMs) {
    this.nodes = nodes;
    long max = 0;
    for (NodeView n : nodes.values()) {
      keys.computeIfAbsent(n.acl(), k -> (long) keys.size() + 1);
      var s = n.stat();
      max = Math.max(max, Math.max(s.czxid(), Math.max(s.mzxid(), s.pzxid())));
      long owner = s.ephemeralOwner();
      if (owner != 0 && owner != CONTAINER_OWNER && (owner >>> 56) != 0xff) {
        sessions.put(owner, sessionTimeoutMs);
      }
    }
    this.zxid = max;
  }

  @Override
  public long lastProcessedZxid() {
    return zxid;
  }

  @Override
  public Map<Long, Integer> sessions() {
    return sessions;
  }

  @Override
  public Map<Long, List<Acl>> aclMap() {
    Map<Long, List<Acl>> m = new LinkedHashMap<>();
    keys.forEach((acl, key) -> m.put(key, acl));
    return m;
  }

  @Override
  public void walk(NodeOutput out) throws IOException {
    for (NodeView n : nodes.values()) {
      out.node(n.path().equals("/") ? "" : n.path(), n.data(), keys.get(n.acl()), n.stat());
    }
  }

  @Override
  public SnapshotDigest digest() {
    return SnapshotDigest.NONE;
  }
}
