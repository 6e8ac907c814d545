package zkstore.cli.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.data.StatPersisted;

/**
 * A running server's tree as its clients see it, in the lines of {@code export --json}: the truth a data dir that
 * server wrote must restore to.
 */
public final class LiveTree {
  private LiveTree() {}

  /** Containers and TTL nodes keep an owner encoding on disk that a client sees as 0. */
  private static final Pattern EXTENDED_OWNER =
      Pattern.compile("\"ephemeralOwner\":\"0x(8000000000000000|ff[0-9a-f]{14})\"");

  /** Every znode {@code zk} can read, sorted by path, with its data, stat and ACL. */
  public static List<String> lines(ZooKeeper zk) throws KeeperException, InterruptedException {
    TreeSet<String> paths = new TreeSet<>();
    collect(zk, "/", paths);
    List<String> lines = new ArrayList<>();
    for (String p : paths) {
      Stat s = new Stat();
      byte[] data = zk.getData(p, false, s);
      List<ACL> acl = zk.getACL(p, new Stat());
      StatPersisted persisted = new StatPersisted(s.getCzxid(), s.getMzxid(), s.getCtime(), s.getMtime(),
          s.getVersion(), s.getCversion(), s.getAversion(), s.getEphemeralOwner(), s.getPzxid());
      lines.add(ZkOracle.exportLine(p, data, persisted, s.getNumChildren(), acl));
    }
    return lines;
  }

  private static final Pattern CVERSION = Pattern.compile("\"cversion\":(-?\\d+)");
  private static final Pattern NUM_CHILDREN = Pattern.compile("\"numChildren\":(\\d+)");

  /**
   * Export lines (stats as stored) as a client sees them: cversion as creates plus deletes of children, twice the
   * stored count less the children left; container and TTL owners as 0.
   */
  public static List<String> clientView(List<String> exportLines) {
    List<String> out = new ArrayList<>();
    for (String l : exportLines) {
      Matcher c = CVERSION.matcher(l);
      Matcher n = NUM_CHILDREN.matcher(l);
      if (!c.find() || !n.find()) {
        throw new IllegalArgumentException("not an export line: " + l);
      }
      int cversion = Integer.parseInt(c.group(1)) * 2 - Integer.parseInt(n.group(1));
      String line = l.substring(0, c.start()) + "\"cversion\":" + cversion + l.substring(c.end());
      out.add(EXTENDED_OWNER.matcher(line).replaceFirst("\"ephemeralOwner\":\"0x0\""));
    }
    return out;
  }

  private static void collect(ZooKeeper zk, String path, TreeSet<String> out)
      throws KeeperException, InterruptedException {
    out.add(path);
    for (String c : zk.getChildren(path, false)) {
      collect(zk, path.equals("/") ? "/" + c : path + "/" + c, out);
    }
  }
}
