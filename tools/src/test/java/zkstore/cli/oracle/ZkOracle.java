package zkstore.cli.oracle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.StatPersisted;
import org.apache.zookeeper.server.DataNode;
import org.apache.zookeeper.server.DataTree;
import org.apache.zookeeper.server.SnapshotFormatter;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;
import org.apache.zookeeper.server.persistence.TxnLogToolkit;

/** ZooKeeper 3.9.3's own answers: TxnLogToolkit and SnapshotFormatter output, its restored tree. */
public final class ZkOracle {
  private ZkOracle() {}

  /** What {@code TxnLogToolkit --dump FILE} prints. */
  public static synchronized String toolkitDump(Path log) throws Exception {
    return captureStdout(() -> {
      try (TxnLogToolkit t = new TxnLogToolkit(false, false, log.toString(), true)) {
        t.dump(null);
      }
    });
  }

  /** What {@code TxnLogToolkit --chop --zxid Z FILE} prints (it writes FILE.chopped<Z>). */
  public static synchronized String toolkitChop(Path log, String zxid) throws Exception {
    return captureStdout(() -> {
      try (TxnLogToolkit t = new TxnLogToolkit(log.toString(), zxid)) {
        t.chop();
      }
    });
  }

  /** What {@code SnapshotRecursiveSummary FILE PATH DEPTH} prints. */
  public static synchronized String recursiveSummary(Path snap, String start, int depth) throws Exception {
    return captureStdout(() -> new org.apache.zookeeper.server.SnapshotRecursiveSummary().run(snap.toString(), start, depth));
  }

  /** What {@code SnapshotFormatter FILE} prints. */
  public static synchronized String snapshotFormatter(Path snap) throws Exception {
    return captureStdout(() -> new SnapshotFormatter().run(snap.toString(), false, false));
  }

  /** ZooKeeper's restore of {@code dataDir}, as export JSON lines sorted by path. */
  public static List<String> restoredTree(Path dataDir) throws IOException {
    DataTree tree = new DataTree();
    FileTxnSnapLog snapLog = new FileTxnSnapLog(dataDir.toFile(), dataDir.toFile());
    try {
      snapLog.restore(tree, new HashMap<>(), (h, r, d) -> { });
    } finally {
      snapLog.close();
    }
    return export(tree);
  }

  /** A ZooKeeper tree as export JSON lines, sorted by path. */
  public static List<String> export(DataTree tree) {
    TreeSet<String> paths = new TreeSet<>();
    collect(tree, "/", paths);
    List<String> lines = new ArrayList<>();
    for (String p : paths) {
      DataNode n = tree.getNode(p);
      lines.add(exportLine(p, n.getData(), n.stat, n.getChildren().size(), tree.getACL(n)));
    }
    return lines;
  }

  /** One znode as a line of {@code export --json}, the stat as ZooKeeper persists it. */
  static String exportLine(String path, byte[] data, StatPersisted s, int numChildren, List<ACL> acl) {
    StringBuilder sb = new StringBuilder("{\"path\":").append(q(path))
        .append(",\"data\":").append(data == null ? "null" : q(Base64.getEncoder().encodeToString(data)))
        .append(",\"czxid\":").append(q(hex(s.getCzxid())))
        .append(",\"mzxid\":").append(q(hex(s.getMzxid())))
        .append(",\"pzxid\":").append(q(hex(s.getPzxid())))
        .append(",\"ctime\":").append(s.getCtime())
        .append(",\"mtime\":").append(s.getMtime())
        .append(",\"version\":").append(s.getVersion())
        .append(",\"cversion\":").append(s.getCversion())
        .append(",\"aversion\":").append(s.getAversion())
        .append(",\"ephemeralOwner\":").append(q(hex(s.getEphemeralOwner())))
        .append(",\"dataLength\":").append(data == null ? 0 : data.length)
        .append(",\"numChildren\":").append(numChildren)
        .append(",\"acl\":[");
    for (int i = 0; i < acl.size(); i++) {
      ACL a = acl.get(i);
      sb.append(i > 0 ? "," : "").append("{\"perms\":").append(a.getPerms())
          .append(",\"scheme\":").append(q(a.getId().getScheme()))
          .append(",\"id\":").append(q(a.getId().getId())).append('}');
    }
    return sb.append("]}").toString();
  }

  private static void collect(DataTree tree, String path, TreeSet<String> out) {
    out.add(path);
    for (String c : ZkDataDirWriter.children(tree, path)) {
      collect(tree, path.equals("/") ? "/" + c : path + "/" + c, out);
    }
  }

  static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }

  static String q(String s) {
    StringWriter w = new StringWriter();
    w.append('"');
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        w.append('\\').append(c);
      } else if (c < 0x20) {
        w.append(String.format("\\u%04X", (int) c));
      } else {
        w.append(c);
      }
    }
    return w.append('"').toString();
  }

  interface Action {
    void run() throws Exception;
  }

  private static String captureStdout(Action a) throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      a.run();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

}
