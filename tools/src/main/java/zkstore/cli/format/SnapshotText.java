package zkstore.cli.format;

import java.io.PrintWriter;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import zkstore.cli.source.NodeView;
import zkstore.cli.source.SnapshotImage;
import zkstore.cli.source.TreeImage;
import zkstore.record.StatPersisted;

/**
 * A snapshot as ZooKeeper's SnapshotFormatter prints it (children in sorted order where ZooKeeper uses
 * hash order), followed by what SnapshotFormatter leaves out: the ACL cache, the digest and the seals.
 */
public final class SnapshotText {
  private SnapshotText() {}

  public static void print(SnapshotImage snap, boolean withData, PrintWriter out) {
    TreeImage tree = snap.tree();
    out.println(String.format("ZNode Details (count=%d):", tree.nodes().size() + 1));
    printNode(tree, "/", withData, out);
    out.println("----");
    out.println("Session Details (sid, timeout, ephemeralCount):");
    for (Map.Entry<Long, Integer> e : tree.sessions().entrySet()) {
      long sid = e.getKey();
      long eph = tree.nodes().values().stream().filter(n -> n.stat().ephemeralOwner() == sid).count();
      out.println(String.format("%#016x, %d, %d", sid, e.getValue(), eph));
    }
    out.println("----");
    out.println("Last zxid: 0x" + Long.toHexString(snap.formatterLastZxid()));
    printExtras(snap, out);
  }

  private static void printNode(TreeImage tree, String path, boolean withData, PrintWriter out) {
    NodeView n = tree.node(path);
    out.println("----");
    out.println(path);
    StatPersisted s = n.stat();
    hex(out, "cZxid", s.czxid());
    out.println("  ctime = " + new Date(s.ctime()));
    hex(out, "mZxid", s.mzxid());
    out.println("  mtime = " + new Date(s.mtime()));
    hex(out, "pZxid", s.pzxid());
    out.println("  cversion = " + s.cversion());
    out.println("  dataVersion = " + s.version());
    out.println("  aclVersion = " + s.aversion());
    hex(out, "ephemeralOwner", s.ephemeralOwner());
    if (withData) {
      out.println("  data = " + (n.data() == null ? "" : Base64.getEncoder().encodeToString(n.data())));
    } else {
      out.println("  dataLength = " + n.dataLength());
    }
    for (String child : tree.children(path)) {
      printNode(tree, TreeImage.childPath(path, child), withData, out);
    }
  }

  private static void printExtras(SnapshotImage snap, PrintWriter out) {
    out.println("----");
    out.println("ACL cache (key: acl):");
    new java.util.TreeMap<>(snap.aclMap()).forEach((k, v) -> out.println(k + ": " + AclText.of(v)));
    out.println("----");
    var r = snap.result();
    out.println("Layout: " + r.layout().seals() + " seal(s), as ZooKeeper " + r.layout().zookeeperVersions() + " writes");
    if (r.digest() != null) {
      out.println("Digest: zxid 0x" + Long.toHexString(r.digest().zxid()) + ", version " + r.digest().version()
          + ", digest 0x" + Long.toHexString(r.digest().digest()));
    }
    if (r.lastProcessedZxid().isPresent()) {
      out.println("lastProcessedZxid section: 0x" + Long.toHexString(r.lastProcessedZxid().getAsLong()));
    }
  }

  private static void hex(PrintWriter out, String name, long v) {
    out.println(String.format("  %s = %#016x", name, v));
  }
}
