package zkstore.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.OpCode;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.DataNode;
import org.apache.zookeeper.server.DataTree;
import org.apache.zookeeper.server.persistence.Util;
import org.apache.zookeeper.txn.CheckVersionTxn;
import org.apache.zookeeper.txn.CloseSessionTxn;
import org.apache.zookeeper.txn.CreateContainerTxn;
import org.apache.zookeeper.txn.CreateSessionTxn;
import org.apache.zookeeper.txn.CreateTTLTxn;
import org.apache.zookeeper.txn.CreateTxn;
import org.apache.zookeeper.txn.DeleteTxn;
import org.apache.zookeeper.txn.ErrorTxn;
import org.apache.zookeeper.txn.MultiTxn;
import org.apache.zookeeper.txn.SetACLTxn;
import org.apache.zookeeper.txn.SetDataTxn;
import org.apache.zookeeper.txn.Txn;
import org.apache.zookeeper.txn.TxnDigest;
import org.apache.zookeeper.txn.TxnHeader;

/**
 * A seeded stream of the txns a ZooKeeper 3.9 server would log, prepared the way its
 * PrepRequestProcessor prepares them, against a shadow ZooKeeper {@link DataTree} that each txn is
 * applied to. Every txn type appears (sessions, every create kind, sequential names, failing creates,
 * multi with and without a failing op, reconfig). The same seed always gives the same txns, so a
 * process that crashed can regenerate the stream and a verifier can rebuild the expected state.
 */
final class ZkWorkload {
  /** One txn: ZooKeeper's objects and the log payload bytes they serialize to. */
  record Generated(TxnHeader header, Record txn, TxnDigest digest, byte[] payload) {
    long zxid() {
      return header.getZxid();
    }
  }

  private static final long TIME_BASE = 1_700_000_000_000L;
  private static final List<List<ACL>> ACLS = List.of(
      Ids.OPEN_ACL_UNSAFE,
      Ids.READ_ACL_UNSAFE,
      List.of(new ACL(0x1f, new Id("digest", "alice:XsMOkeTkj6W3V5t5JwZgvq43dAU="))),
      List.of(new ACL(0x01, new Id("ip", "10.0.0.0/8")), new ACL(0x1f, new Id("world", "anyone"))));

  private final Random random;
  private final DataTree tree = new DataTree();
  private final ConcurrentHashMap<Long, Integer> sessions = new ConcurrentHashMap<>();
  private final List<Long> sessionOrder = new ArrayList<>();
  private final List<String> paths = new ArrayList<>();
  private final Map<String, Integer> pathIndex = new LinkedHashMap<>();
  private final int epochJumpAt;
  private long zxid;
  private long nextSession = 0x1000000000000L;

  /** A workload from zxid 1; with {@code epochJumpAt > 0} the txn of that ordinal starts epoch 1. */
  ZkWorkload(long seed, int epochJumpAt) {
    this.random = new Random(seed);
    this.epochJumpAt = epochJumpAt;
  }

  ZkWorkload(long seed) {
    this(seed, 0);
  }

  DataTree tree() {
    return tree;
  }

  ConcurrentHashMap<Long, Integer> sessions() {
    return sessions;
  }

  long lastZxid() {
    return zxid;
  }

  private int ordinal;

  /** Prepares the next txn, applies it to the shadow tree and returns it. */
  Generated next() {
    ordinal++;
    zxid = (epochJumpAt > 0 && ordinal == epochJumpAt) ? ((zxid >>> 32) + 1) << 32 | 1 : zxid + 1;
    long time = TIME_BASE + ordinal * 7L;
    int dice = random.nextInt(100);
    Prepared p;
    if (sessionOrder.isEmpty() || dice < 5) {
      p = createSession();
    } else if (dice < 8 && sessionOrder.size() > 1) {
      p = closeSession();
    } else if (dice < 40) {
      p = create();
    } else if (dice < 50) {
      p = delete();
    } else if (dice < 70) {
      p = setData();
    } else if (dice < 75) {
      p = setAcl();
    } else if (dice < 77) {
      p = reconfig();
    } else {
      p = multi();
    }
    TxnHeader header = new TxnHeader(p.clientId, random.nextInt(1000), zxid, time, p.type);
    tree.processTxn(header, p.record);
    if (p.type == OpCode.createSession) {
      sessions.put(p.clientId, ((CreateSessionTxn) p.record).getTimeOut());
      sessionOrder.add(p.clientId);
    } else if (p.type == OpCode.closeSession) {
      sessions.remove(p.clientId);
      sessionOrder.remove(p.clientId);
    }
    refreshPaths(p);
    TxnDigest digest = p.type == OpCode.error ? null : new TxnDigest(2, tree.getTreeDigest());
    try {
      return new Generated(header, p.record, digest, Util.marshallTxnEntry(header, p.record, digest));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Prepared(long clientId, int type, Record record, List<String> touched) {}

  private Prepared createSession() {
    long id = nextSession++;
    return new Prepared(id, OpCode.createSession, new CreateSessionTxn(5000 + random.nextInt(25000)), List.of());
  }

  private Prepared closeSession() {
    long id = sessionOrder.get(random.nextInt(sessionOrder.size()));
    List<String> eph = new ArrayList<>(new TreeSet<>(tree.getEphemerals(id)));
    return new Prepared(id, OpCode.closeSession, new CloseSessionTxn(eph), eph);
  }

  private long anySession() {
    return sessionOrder.get(random.nextInt(sessionOrder.size()));
  }

  private Prepared create() {
    Sub sub = createSub(new HashSet<>(), true);
    if (sub == null) {
      return setData();
    }
    return new Prepared(sub.owner != 0 ? sub.owner : anySession(), sub.type, sub.record, List.of(sub.path));
  }

  private record Sub(int type, Record record, String path, long owner) {}

  /** A create under a random non-ephemeral parent; a failing create (NODEEXISTS) if allowed and drawn. */
  private Sub createSub(Set<String> touched, boolean mayFail) {
    String parent = randomParent();
    if (parent == null || touched.contains(parent)) {
      return null;
    }
    DataNode parentNode = tree.getNode(parent);
    String prefix = parent.equals("/") ? "/" : parent + "/";
    int kind = random.nextInt(10);
    String name = "n" + random.nextInt(mayFail ? 40 : 1_000_000);
    boolean sequential = kind == 1 || kind == 3;
    String path = prefix + name + (sequential ? String.format("%010d", parentNode.stat.getCversion()) : "");
    if (touched.contains(path)) {
      return null;
    }
    if (tree.getNode(path) != null) {
      return mayFail ? new Sub(OpCode.error, new ErrorTxn(-110), path, 0) : null;
    }
    byte[] data = randomData();
    List<ACL> acl = ACLS.get(random.nextInt(ACLS.size()));
    int pcv = parentNode.stat.getCversion() + 1;
    touched.add(parent);
    touched.add(path);
    switch (kind) {
      case 2, 3: {
        long owner = anySession();
        return new Sub(random.nextBoolean() ? OpCode.create : OpCode.create2,
            new CreateTxn(path, data, acl, true, pcv), path, owner);
      }
      case 4:
        return new Sub(OpCode.createContainer, new CreateContainerTxn(path, random.nextBoolean() ? null : data, acl, pcv),
            path, 0);
      case 5:
        return new Sub(OpCode.createTTL, new CreateTTLTxn(path, data, acl, pcv, 1000 + random.nextInt(100000)), path, 0);
      default:
        return new Sub(random.nextBoolean() ? OpCode.create : OpCode.create2,
            new CreateTxn(path, data, acl, false, pcv), path, 0);
    }
  }

  private Prepared delete() {
    Sub sub = deleteSub(new HashSet<>());
    if (sub == null) {
      return create();
    }
    return new Prepared(anySession(), sub.type, sub.record, List.of(sub.path));
  }

  private Sub deleteSub(Set<String> touched) {
    String path = randomPath();
    if (path == null || touched.contains(path) || touched.contains(parentOf(path))) {
      return null;
    }
    DataNode node = tree.getNode(path);
    if (!node.getChildren().isEmpty()) {
      return null;
    }
    touched.add(path);
    touched.add(parentOf(path));
    int type = node.stat.getEphemeralOwner() == Long.MIN_VALUE && random.nextBoolean()
        ? OpCode.deleteContainer : OpCode.delete;
    return new Sub(type, new DeleteTxn(path), path, 0);
  }

  private Prepared setData() {
    Sub sub = setDataSub(new HashSet<>());
    if (sub == null) {
      return createSession();
    }
    return new Prepared(anySession(), sub.type, sub.record, List.of(sub.path));
  }

  private Sub setDataSub(Set<String> touched) {
    String path = randomPath();
    if (path == null || touched.contains(path)) {
      return null;
    }
    touched.add(path);
    int version = tree.getNode(path).stat.getVersion() + 1;
    return new Sub(OpCode.setData, new SetDataTxn(path, randomData(), version), path, 0);
  }

  private Prepared setAcl() {
    String path = randomPath();
    if (path == null) {
      return createSession();
    }
    int aversion = tree.getNode(path).stat.getAversion() + 1;
    return new Prepared(anySession(), OpCode.setACL,
        new SetACLTxn(path, ACLS.get(random.nextInt(ACLS.size())), aversion), List.of(path));
  }

  private Prepared reconfig() {
    int version = tree.getNode("/zookeeper/config").stat.getVersion() + 1;
    byte[] cfg = ("server.1=127.0.0.1:2888:3888:participant;0.0.0.0:2181\nversion=" + Long.toHexString(zxid))
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return new Prepared(anySession(), OpCode.reconfig, new SetDataTxn("/zookeeper/config", cfg, version), List.of());
  }

  private Prepared multi() {
    Set<String> touched = new HashSet<>();
    List<Sub> subs = new ArrayList<>();
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count * 3 && subs.size() < count; i++) {
      Sub s = switch (random.nextInt(4)) {
        case 0 -> createSub(touched, false);
        case 1 -> deleteSub(touched);
        case 2 -> setDataSub(touched);
        default -> checkSub(touched);
      };
      if (s != null) {
        subs.add(s);
      }
    }
    if (subs.isEmpty()) {
      return createSession();
    }
    int failAt = random.nextInt(5) == 0 ? random.nextInt(subs.size()) : -1;
    List<Txn> txns = new ArrayList<>();
    List<String> touchedPaths = new ArrayList<>();
    for (int i = 0; i < subs.size(); i++) {
      Sub s = subs.get(i);
      if (failAt >= 0 && i == failAt) {
        txns.add(new Txn(OpCode.error, bytes(new ErrorTxn(-103))));
      } else if (failAt >= 0 && i > failAt) {
        txns.add(new Txn(OpCode.error, bytes(new ErrorTxn(-2))));
      } else {
        txns.add(new Txn(s.type, bytes(s.record)));
        touchedPaths.add(s.path);
      }
    }
    return new Prepared(anySession(), OpCode.multi, new MultiTxn(txns), failAt >= 0 ? List.of() : touchedPaths);
  }

  private Sub checkSub(Set<String> touched) {
    String path = randomPath();
    if (path == null || touched.contains(path)) {
      return null;
    }
    touched.add(path);
    return new Sub(OpCode.check, new CheckVersionTxn(path, tree.getNode(path).stat.getVersion()), path, 0);
  }

  private static byte[] bytes(Record r) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      r.serialize(BinaryOutputArchive.getArchive(out), "txn");
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] randomData() {
    int n = random.nextInt(10);
    if (n == 0) {
      return new byte[0];
    }
    byte[] b = new byte[random.nextInt(48)];
    random.nextBytes(b);
    return b;
  }

  /** Re-syncs the path list with the shadow tree for every path the txn may have created or removed. */
  private void refreshPaths(Prepared p) {
    if (p.type == OpCode.closeSession) {
      p.touched.forEach(this::syncPath);
      return;
    }
    for (String path : p.touched) {
      syncPath(path);
    }
  }

  private void syncPath(String path) {
    boolean exists = tree.getNode(path) != null;
    Integer at = pathIndex.get(path);
    if (exists && at == null) {
      pathIndex.put(path, paths.size());
      paths.add(path);
    } else if (!exists && at != null) {
      String last = paths.remove(paths.size() - 1);
      if (!last.equals(path)) {
        paths.set(at, last);
        pathIndex.put(last, at);
      }
      pathIndex.remove(path);
    }
  }

  /** A random user path, or null if there is none yet. */
  private String randomPath() {
    if (paths.isEmpty()) {
      return null;
    }
    String p = paths.get(random.nextInt(paths.size()));
    return tree.getNode(p) == null ? null : p;
  }

  /** The root or a user node that may take children (not ephemeral, depth below 4). */
  private String randomParent() {
    if (paths.isEmpty() || random.nextInt(4) == 0) {
      return "/";
    }
    String p = paths.get(random.nextInt(paths.size()));
    DataNode n = tree.getNode(p);
    if (n == null) {
      return null;
    }
    long owner = n.stat.getEphemeralOwner();
    boolean ephemeral = owner != 0 && owner != Long.MIN_VALUE && (owner >>> 56) != 0xFF;
    if (ephemeral || p.chars().filter(c -> c == '/').count() >= 4) {
      return "/";
    }
    return p;
  }

  private static String parentOf(String path) {
    int i = path.lastIndexOf('/');
    return i == 0 ? "/" : path.substring(0, i);
  }
}
