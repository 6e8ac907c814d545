package zkstore.engine;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A restored store reduced to comparable values: every znode (path, data, persisted stat, ACL,
 * child count), the session table, the last zxid and the tree digest. Built from ZooKeeper's classes
 * and from zkstore's alike, so a test can assert the two restores are equal and print where they differ.
 */
record TreeView(SortedMap<String, Node> nodes, SortedMap<Long, Integer> sessions, long lastZxid, long digest) {

  /** One znode; data in hex ("null" for null data), ACL entries as "perms:scheme:id". */
  record Node(String path, String data, long czxid, long mzxid, long ctime, long mtime, int version,
      int cversion, int aversion, long ephemeralOwner, long pzxid, List<String> acl, int numChildren) {}

  static String hex(byte[] data) {
    return data == null ? "null" : HexFormat.of().formatHex(data);
  }

  static TreeView of(Map<String, Node> nodes, Map<Long, Integer> sessions, long lastZxid, long digest) {
    return new TreeView(new TreeMap<>(nodes), new TreeMap<>(sessions), lastZxid, digest);
  }

  /** The first differences between this (expected) and {@code actual}, or an empty list. */
  List<String> differences(TreeView actual) {
    List<String> out = new ArrayList<>();
    if (lastZxid != actual.lastZxid) {
      out.add("lastZxid expected 0x" + Long.toHexString(lastZxid) + " actual 0x" + Long.toHexString(actual.lastZxid));
    }
    if (digest != actual.digest) {
      out.add("digest expected 0x" + Long.toHexString(digest) + " actual 0x" + Long.toHexString(actual.digest));
    }
    if (!sessions.equals(actual.sessions)) {
      out.add("sessions expected " + sessions + " actual " + actual.sessions);
    }
    for (Node n : nodes.values()) {
      Node a = actual.nodes.get(n.path());
      if (!n.equals(a)) {
        out.add("node expected " + n + "\n   actual " + a);
      }
      if (out.size() > 8) {
        return out;
      }
    }
    for (String p : actual.nodes.keySet()) {
      if (!nodes.containsKey(p)) {
        out.add("unexpected node " + actual.nodes.get(p));
      }
      if (out.size() > 8) {
        return out;
      }
    }
    return out;
  }
}
