package zkstore.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import zkstore.jute.FormatException;
import zkstore.record.Acl;
import zkstore.record.StatPersisted;

/**
 * A minimal snapshot model for file-layer tests: what a sink received, in file order, replayable as a source.
 * Parents must precede children, as ZooKeeper's loader requires.
 */
final class MemTree implements SnapshotSink, SnapshotSource {
  record Node(String path, byte[] data, long aclKey, StatPersisted stat) {}

  final Map<Long, Integer> sessions = new LinkedHashMap<>();
  final Map<Long, List<Acl>> acls = new LinkedHashMap<>();
  final Map<String, Node> nodes = new LinkedHashMap<>();
  long lastProcessedZxid;
  SnapshotDigest digest = SnapshotDigest.NONE;

  @Override
  public void session(long id, int timeoutMs) {
    sessions.put(id, timeoutMs);
  }

  @Override
  public void aclEntry(long key, List<Acl> list) {
    acls.put(key, list);
  }

  @Override
  public void node(SnapshotNode n) throws IOException {
    String path = n.path();
    int slash = path.lastIndexOf('/');
    if (slash >= 0 && !nodes.containsKey(path.substring(0, slash))) {
      throw new FormatException("parent " + path.substring(0, slash) + " not found", -1);
    }
    nodes.put(slash < 0 ? "" : path, new Node(path, n.data(), n.aclKey(), n.stat()));
  }

  @Override
  public long lastProcessedZxid() {
    return lastProcessedZxid;
  }

  @Override
  public Map<Long, Integer> sessions() {
    return new LinkedHashMap<>(sessions);
  }

  @Override
  public Map<Long, List<Acl>> aclMap() {
    return new LinkedHashMap<>(acls);
  }

  @Override
  public void walk(NodeOutput out) throws IOException {
    for (Node n : nodes.values()) {
      out.node(n.path(), n.data(), n.aclKey(), n.stat());
    }
  }

  @Override
  public SnapshotDigest digest() {
    return digest;
  }

  /** The tree digest of FORMATS.md §4.6. */
  long treeDigest() {
    long sum = 0;
    for (Node n : nodes.values()) {
      if (n.path().startsWith("/zookeeper/")) {
        continue;
      }
      CRC32 crc = new CRC32();
      crc.update(n.path().getBytes(StandardCharsets.UTF_8));
      if (n.data() != null) {
        crc.update(n.data());
      }
      StatPersisted s = n.stat();
      java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(60);
      bb.putLong(s.czxid()).putLong(s.mzxid()).putLong(s.pzxid()).putLong(s.ctime()).putLong(s.mtime())
          .putInt(s.version()).putInt(s.cversion()).putInt(s.aversion()).putLong(s.ephemeralOwner());
      crc.update(bb.array());
      sum += crc.getValue();
    }
    return sum;
  }

  /** Nodes as comparable text keyed by path (root as "/"), ACLs resolved through the map. */
  Map<String, String> flat() {
    Map<String, String> out = new TreeMap<>();
    for (Node n : nodes.values()) {
      List<String> acl = new ArrayList<>();
      List<Acl> list = n.aclKey() == -1 ? Acl.OPEN_ACL_UNSAFE : acls.get(n.aclKey());
      if (list != null) {
        for (Acl a : list) {
          acl.add(a.perms() + ":" + a.id().scheme() + ":" + a.id().id());
        }
      }
      out.put(n.path().isEmpty() ? "/" : n.path(), describe(n.data(), n.stat(), acl));
    }
    return out;
  }

  static String describe(byte[] data, StatPersisted s, List<String> acl) {
    return (data == null ? "null" : HexFormat.of().formatHex(data)) + " " + s + " " + acl;
  }
}
