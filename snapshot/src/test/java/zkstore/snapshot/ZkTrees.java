package zkstore.snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.OpCode;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.DataNode;
import org.apache.zookeeper.server.DataTree;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.apache.zookeeper.server.persistence.FileSnap;
import org.apache.zookeeper.server.persistence.SnapStream;
import org.apache.zookeeper.txn.CloseSessionTxn;
import org.apache.zookeeper.txn.CreateContainerTxn;
import org.apache.zookeeper.txn.CreateSessionTxn;
import org.apache.zookeeper.txn.CreateTTLTxn;
import org.apache.zookeeper.txn.CreateTxn;
import org.apache.zookeeper.txn.DeleteTxn;
import org.apache.zookeeper.txn.SetACLTxn;
import org.apache.zookeeper.txn.SetDataTxn;
import org.apache.zookeeper.txn.TxnHeader;
import zkstore.record.Acl;
import zkstore.record.StatPersisted;

/** ZooKeeper 3.9.3's own DataTree and FileSnap on the other side of the differential tests. */
final class ZkTrees {
  static final List<List<ACL>> ACLS = List.of(
      Ids.OPEN_ACL_UNSAFE,
      Ids.READ_ACL_UNSAFE,
      List.of(new ACL(0x1f, new Id("digest", "alice:XsMOkeTkj6W3V5t5JwZgvq43dAU="))),
      List.of(new ACL(0x01, new Id("ip", "10.0.0.0/8")), new ACL(0x1f, new Id("world", "anyone"))));
  private static final String[] NAMES = {"a", "b", "config", "node", "é", "中文", "x y", "😀", "lock-", "q"};

  /** A ZooKeeper tree plus its session table, grown by txns applied through DataTree.processTxn. */
  static final class Live {
    final DataTree tree = new DataTree();
    final Map<Long, Integer> sessions = new java.util.concurrent.ConcurrentHashMap<>();
    final List<String> paths = new ArrayList<>();
    final Random random;
    long zxid;
    long nextSession = 0x100000000L;
    final List<Object[]> log = new ArrayList<>();

    Live(long seed) {
      random = new Random(seed);
    }

    /** Applies one random txn and remembers it (header, record) for replay. */
    void step() {
      long time = 1_700_000_000_000L + zxid * 7;
      int op = random.nextInt(100);
      TxnHeader h;
      Record r;
      if (op < 5 || sessions.isEmpty()) {
        long id = nextSession++;
        h = new TxnHeader(id, 0, ++zxid, time, OpCode.createSession);
        r = new CreateSessionTxn(3000 + random.nextInt(30000));
        sessions.put(id, ((CreateSessionTxn) r).getTimeOut());
      } else if (op < 7) {
        long id = new ArrayList<>(sessions.keySet()).get(random.nextInt(sessions.size()));
        h = new TxnHeader(id, 0, ++zxid, time, OpCode.closeSession);
        r = new CloseSessionTxn(new ArrayList<>(tree.getEphemerals(id)));
        sessions.remove(id);
      } else if (op < 55 || paths.isEmpty()) {
        String parent = paths.isEmpty() || random.nextInt(5) == 0 ? "" : paths.get(random.nextInt(paths.size()));
        DataNode pn = tree.getNode(parent);
        if (pn == null || pn.stat.getEphemeralOwner() != 0) {
          parent = "";
        }
        String path = parent + "/" + NAMES[random.nextInt(NAMES.length)] + zxid;
        byte[] data = new byte[random.nextInt(40)];
        random.nextBytes(data);
        List<ACL> acl = ACLS.get(random.nextInt(ACLS.size()));
        int kind = random.nextInt(10);
        if (kind < 6) {
          h = new TxnHeader(0, 0, ++zxid, time, OpCode.create);
          r = new CreateTxn(path, data, acl, false, -1);
        } else if (kind < 8) {
          long owner = new ArrayList<>(sessions.keySet()).get(random.nextInt(sessions.size()));
          h = new TxnHeader(owner, 0, ++zxid, time, OpCode.create);
          r = new CreateTxn(path, data, acl, true, -1);
        } else if (kind < 9) {
          h = new TxnHeader(0, 0, ++zxid, time, OpCode.createContainer);
          r = new CreateContainerTxn(path, data, acl, -1);
        } else {
          h = new TxnHeader(0, 0, ++zxid, time, OpCode.createTTL);
          r = new CreateTTLTxn(path, data, acl, -1, 1000 + random.nextInt(1000));
        }
        paths.add(path);
      } else if (op < 75) {
        String path = paths.get(random.nextInt(paths.size()));
        byte[] data = new byte[random.nextInt(60)];
        random.nextBytes(data);
        h = new TxnHeader(0, 0, ++zxid, time, OpCode.setData);
        r = new SetDataTxn(path, data, random.nextInt(5));
      } else if (op < 85) {
        String path = paths.get(random.nextInt(paths.size()));
        h = new TxnHeader(0, 0, ++zxid, time, OpCode.setACL);
        r = new SetACLTxn(path, ACLS.get(random.nextInt(ACLS.size())), random.nextInt(5));
      } else {
        String path = paths.get(random.nextInt(paths.size()));
        if (!tree.getNode(path).getChildren().isEmpty()) {
          path = leafUnder(path);
        }
        h = new TxnHeader(0, 0, ++zxid, time, OpCode.delete);
        r = new DeleteTxn(path);
      }
      apply(tree, h, r);
      log.add(new Object[] {h, r});
      if (h.getType() == OpCode.delete || h.getType() == OpCode.closeSession) {
        paths.removeIf(p -> tree.getNode(p) == null);
      }
    }

    private String leafUnder(String path) {
      while (true) {
        java.util.Set<String> children = tree.getNode(path).getChildren();
        if (children.isEmpty()) {
          return path;
        }
        path = path + "/" + children.iterator().next();
      }
    }

    static void apply(DataTree tree, TxnHeader h, Record r) {
      tree.processTxn(h, r, false);
    }
  }

  /** A tree after {@code ops} random txns, with a few null-data nodes added directly. */
  static Live random(long seed, int ops) throws Exception {
    Live live = new Live(seed);
    for (int i = 0; i < ops; i++) {
      live.step();
    }
    for (int i = 0; i < 3; i++) {
      live.tree.createNode("/nulldata" + i, null, Ids.OPEN_ACL_UNSAFE, 0, -1, ++live.zxid, 1_700_000_000_000L);
    }
    live.tree.lastProcessedZxid = live.zxid;
    return live;
  }

  /** FileSnap.serialize with a stream mode and the digest / lastZxid flags a given layout needs. */
  static void write(DataTree tree, Map<Long, Integer> sessions, Path file, SnapshotCompression c, SnapshotLayout l)
      throws IOException {
    SnapStream.StreamMode before = SnapStream.getStreamMode();
    boolean digest = ZooKeeperServer.isDigestEnabled();
    boolean lastZxid = ZooKeeperServer.isSerializeLastProcessedZxidEnabled();
    try {
      SnapStream.setStreamMode(SnapStream.StreamMode.fromString(c.extension()));
      ZooKeeperServer.setDigestEnabled(l.hasDigest());
      ZooKeeperServer.setSerializeLastProcessedZxidEnabled(l.hasLastProcessedZxid());
      FileSnap snap = new FileSnap(file.getParent().toFile());
      snap.serialize(tree, sessions, file.toFile(), false);
    } finally {
      SnapStream.setStreamMode(before);
      ZooKeeperServer.setDigestEnabled(digest);
      ZooKeeperServer.setSerializeLastProcessedZxidEnabled(lastZxid);
    }
  }

  /** ZooKeeper's FileSnap.deserialize of the newest snapshot in {@code dir}; returns the tree and fills sessions. */
  static DataTree read(Path dir, Map<Long, Integer> sessions) throws IOException {
    return read(dir, sessions, new ArrayList<>());
  }

  /** As {@link #read(Path, Map)}, collecting the zxids at which ZooKeeper reported a digest mismatch. */
  static DataTree read(Path dir, Map<Long, Integer> sessions, List<Long> digestMismatches) throws IOException {
    DataTree tree = new DataTree();
    tree.addDigestWatcher(digestMismatches::add);
    FileSnap snap = new FileSnap(dir.toFile());
    long zxid = snap.deserialize(tree, sessions);
    if (zxid < 0) {
      throw new IOException("ZooKeeper found no valid snapshot in " + dir);
    }
    return tree;
  }

  /** A ZooKeeper tree as comparable text per node (root as "/"), like {@link MemTree#flat}. */
  static Map<String, String> flat(DataTree tree) {
    Map<String, String> out = new TreeMap<>();
    List<String> todo = new ArrayList<>(List.of(""));
    while (!todo.isEmpty()) {
      String path = todo.remove(todo.size() - 1);
      DataNode node = tree.getNode(path);
      List<String> acl = new ArrayList<>();
      for (ACL a : tree.getACL(node)) {
        acl.add(a.getPerms() + ":" + a.getId().getScheme() + ":" + a.getId().getId());
      }
      out.put(path.isEmpty() ? "/" : path, MemTree.describe(node.getData(), stat(node.stat), acl));
      for (String child : node.getChildren()) {
        todo.add(path + "/" + child);
      }
    }
    return out;
  }

  static StatPersisted stat(org.apache.zookeeper.data.StatPersisted s) {
    return new StatPersisted(s.getCzxid(), s.getMzxid(), s.getCtime(), s.getMtime(), s.getVersion(),
        s.getCversion(), s.getAversion(), s.getEphemeralOwner(), s.getPzxid());
  }

  /**
   * A zkstore source over a ZooKeeper tree that iterates sessions, ACL map and children exactly as ZooKeeper's
   * own serializer does, so both writers should produce the same bytes.
   */
  static SnapshotSource source(DataTree tree, Map<Long, Integer> sessions) {
    return new SnapshotSource() {
      @Override
      public long lastProcessedZxid() {
        return tree.lastProcessedZxid;
      }

      @Override
      public Map<Long, Integer> sessions() {
        return new HashMap<>(sessions);
      }

      @Override
      public Map<Long, List<Acl>> aclMap() {
        try {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          tree.getReferenceCountedAclCache().serialize(BinaryOutputArchive.getArchive(bytes));
          BinaryInputArchive in = BinaryInputArchive.getArchive(new java.io.ByteArrayInputStream(bytes.toByteArray()));
          Map<Long, List<Acl>> out = new LinkedHashMap<>();
          int n = in.readInt("map");
          for (int i = 0; i < n; i++) {
            long key = in.readLong("key");
            int m = in.readInt("count");
            List<Acl> list = new ArrayList<>();
            for (int j = 0; j < m; j++) {
              ACL a = new ACL();
              a.deserialize(in, "acl");
              list.add(new Acl(a.getPerms(), new zkstore.record.Id(a.getId().getScheme(), a.getId().getId())));
            }
            out.put(key, list);
          }
          return out;
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }

      @Override
      public void walk(NodeOutput out) throws IOException {
        walk(out, "");
      }

      private void walk(NodeOutput out, String path) throws IOException {
        DataNode node = tree.getNode(path);
        if (node == null) {
          return;
        }
        byte[] data;
        long acl;
        StatPersisted stat;
        String[] children;
        synchronized (node) {
          data = node.getData();
          acl = aclKey(node);
          stat = stat(node.stat);
          children = node.getChildren().toArray(new String[0]);
        }
        out.node(path, data, acl, stat);
        for (String c : children) {
          walk(out, path + "/" + c);
        }
      }

      @Override
      public SnapshotDigest digest() {
        DataTree.ZxidDigest d = tree.getLastProcessedZxidDigest();
        return d == null ? SnapshotDigest.NONE : new SnapshotDigest(d.getZxid(), d.getDigestVersion(), d.getDigest());
      }
    };
  }

  private static long aclKey(DataNode node) {
    try {
      java.lang.reflect.Field f = DataNode.class.getDeclaredField("acl");
      f.setAccessible(true);
      return (Long) f.get(node);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
