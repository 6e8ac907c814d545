package zkstore.cli.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import zkstore.jute.JuteMaxBuffer;
import zkstore.record.Acl;
import zkstore.record.StatPersisted;
import zkstore.snapshot.SnapshotNode;
import zkstore.snapshot.SnapshotReadResult;
import zkstore.snapshot.SnapshotReader;
import zkstore.snapshot.SnapshotSink;

/** A snapshot file read (and verified) by the snapshot module, held whole for dumping and diffing. */
public record SnapshotImage(Path file, SnapshotReadResult result, TreeImage tree, Map<Long, List<Acl>> aclMap,
    Map<Long, Integer> sessionsInFileOrder) {

  /**
   * Reads {@code file} through {@link SnapshotReader} with the field limit of {@code limits}; any structural or
   * seal fault is a FormatException.
   */
  public static SnapshotImage read(Path file, JuteMaxBuffer limits) throws IOException {
    Map<Long, Integer> sessions = new java.util.LinkedHashMap<>();
    Map<Long, List<Acl>> acls = new HashMap<>();
    List<Object[]> raw = new ArrayList<>();
    SnapshotReadResult result = SnapshotReader.withLimits(limits).read(file,
        new SnapshotSink() {
      @Override
      public void session(long id, int timeoutMs) {
        sessions.put(id, timeoutMs);
      }

      @Override
      public void aclEntry(long key, List<Acl> list) {
        acls.put(key, list);
      }

      @Override
      public void node(SnapshotNode n) {
        raw.add(new Object[] {n.path().isEmpty() ? "/" : n.path(), n.data(), n.aclKey(), n.stat()});
      }
    });
    TreeMap<String, NodeView> nodes = new TreeMap<>();
    List<String> paths = new ArrayList<>(raw.size());
    for (Object[] r : raw) {
      paths.add((String) r[0]);
    }
    Map<String, TreeSet<String>> children = TreeImage.childrenOf(paths);
    for (Object[] r : raw) {
      String path = (String) r[0];
      long key = (Long) r[2];
      List<Acl> acl = key == -1 ? Acl.OPEN_ACL_UNSAFE : acls.get(key);
      TreeSet<String> c = children.get(path);
      nodes.put(path, new NodeView(path, (byte[]) r[1], (StatPersisted) r[3], acl, c == null ? 0 : c.size()));
    }
    QuotaRecount.apply(nodes, children);
    Map<Long, Integer> sorted = new TreeMap<>(Long::compareUnsigned);
    sorted.putAll(sessions);
    return new SnapshotImage(file, result, new TreeImage(nodes, children, sorted, result.nameZxid()), acls, sessions);
  }

  /** SnapshotFormatter's "Last zxid": the name zxid or the largest mzxid/pzxid of any node. */
  public long formatterLastZxid() {
    long last = result.nameZxid();
    for (NodeView n : tree.nodes().values()) {
      last = Math.max(last, Math.max(n.stat().mzxid(), n.stat().pzxid()));
    }
    return last;
  }
}
