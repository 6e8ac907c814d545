package zkstore.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jute.BinaryOutputArchive;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.server.DataNode;
import org.apache.zookeeper.server.TxnLogEntry;
import org.apache.zookeeper.server.util.SerializeUtils;
import zkstore.jute.JuteReader;
import zkstore.record.Acl;
import zkstore.record.Id;
import zkstore.record.Stat;
import zkstore.record.StatPersisted;
import zkstore.record.TxnCodec;
import zkstore.record.TxnRecord;

/**
 * ZooKeeper 3.9.3's own DataTree fed with the exact bytes of our txns (encoded by our codec, decoded
 * by ZooKeeper's SerializeUtils), and a neutral view of it for comparisons.
 */
public final class ZkTreeOracle {

    static {
        System.setProperty("zookeeper.extendedTypesEnabled", "true");
    }

    private static final Field ACL_FIELD;

    static {
        try {
            ACL_FIELD = DataNode.class.getDeclaredField("acl");
            ACL_FIELD.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final org.apache.zookeeper.server.DataTree tree = new org.apache.zookeeper.server.DataTree();

    /** ZooKeeper's tree. */
    public org.apache.zookeeper.server.DataTree tree() {
        return tree;
    }

    /** Applies the txn as ZooKeeper reads it from a log payload; returns ZooKeeper's result code. */
    public int apply(TxnRecord txn) throws IOException {
        return apply(TxnCodec.encodePayload(txn));
    }

    /** Applies one log payload (header, body, optional digest). */
    public int apply(byte[] payload) throws IOException {
        return applyWithResult(payload).err;
    }

    /** Applies one log payload and returns ZooKeeper's whole result (code, path, stat, multi results). */
    public org.apache.zookeeper.server.DataTree.ProcessTxnResult applyWithResult(byte[] payload) throws IOException {
        TxnLogEntry e = SerializeUtils.deserializeTxn(payload);
        return tree.processTxn(e.getHeader(), e.getTxn());
    }

    /** A ZooKeeper Stat as zkstore's record, or null. */
    public static Stat convert(org.apache.zookeeper.data.Stat s) {
        return s == null ? null : new Stat(s.getCzxid(), s.getMzxid(), s.getCtime(), s.getMtime(), s.getVersion(),
                s.getCversion(), s.getAversion(), s.getEphemeralOwner(), s.getDataLength(), s.getNumChildren(),
                s.getPzxid());
    }

    /** The Stat a client of ZooKeeper gets for {@code path} (exists, getData), or null if there is no node. */
    public Stat clientStat(String path) {
        try {
            return convert(tree.statNode(path, null));
        } catch (org.apache.zookeeper.KeeperException.NoNodeException e) {
            return null;
        }
    }

    public long digest() {
        return tree.getTreeDigest();
    }

    public long lastProcessedZxid() {
        return tree.lastProcessedZxid;
    }

    /** Every node as path (root "") to its view. */
    public Map<String, NodeView> nodes() {
        Map<String, NodeView> out = new TreeMap<>();
        List<String> todo = new ArrayList<>(List.of(""));
        while (!todo.isEmpty()) {
            String path = todo.remove(todo.size() - 1);
            DataNode n = tree.getNode(path);
            org.apache.zookeeper.data.StatPersisted s;
            byte[] data;
            long key;
            Set<String> children;
            synchronized (n) {
                s = n.stat;
                try {
                    data = tree.getData(path.isEmpty() ? "/" : path, new org.apache.zookeeper.data.Stat(), null);
                    key = (Long) ACL_FIELD.get(n);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                children = new TreeSet<>(n.getChildren());
            }
            StatPersisted stat = new StatPersisted(s.getCzxid(), s.getMzxid(), s.getCtime(), s.getMtime(),
                    s.getVersion(), s.getCversion(), s.getAversion(), s.getEphemeralOwner(), s.getPzxid());
            out.put(path, new NodeView(data, key, convert(tree.getACL(n)), stat, children));
            for (String c : children) {
                todo.add(path + "/" + c);
            }
        }
        return out;
    }

    /** The ACL cache as ZooKeeper serializes it: key to list. */
    public Map<Long, List<Acl>> aclMap() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        tree.serializeAcls(BinaryOutputArchive.getArchive(bytes));
        JuteReader r = new JuteReader(bytes.toByteArray());
        Map<Long, List<Acl>> out = new TreeMap<>();
        int n = r.readInt("count");
        for (int i = 0; i < n; i++) {
            long key = r.readLong("key");
            out.put(key, Acl.readList(r, "acls"));
        }
        return out;
    }

    /** Session to ephemeral paths, sessions without ephemerals left out. */
    public Map<Long, Set<String>> ephemerals() {
        Map<Long, Set<String>> out = new TreeMap<>();
        tree.getEphemerals().forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.put(k, new TreeSet<>(v));
            }
        });
        return out;
    }

    public Set<String> containers() {
        return new TreeSet<>(tree.getContainers());
    }

    public Set<String> ttls() {
        return new TreeSet<>(tree.getTtls());
    }

    static List<Acl> convert(List<ACL> acls) {
        if (acls == null) {
            return null;
        }
        List<Acl> out = new ArrayList<>();
        for (ACL a : acls) {
            out.add(new Acl(a.getPerms(), new Id(a.getId().getScheme(), a.getId().getId())));
        }
        return out;
    }

    /** A node as both trees can describe it. */
    public record NodeView(byte[] data, long aclKey, List<Acl> acl, StatPersisted stat, Set<String> children) {
        @Override
        public boolean equals(Object o) {
            return o instanceof NodeView v && java.util.Arrays.equals(data, v.data) && aclKey == v.aclKey
                    && java.util.Objects.equals(acl, v.acl) && stat.equals(v.stat) && children.equals(v.children);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(java.util.Arrays.hashCode(data), aclKey, acl, stat, children);
        }

        @Override
        public String toString() {
            return "NodeView[data=" + (data == null ? "null" : new String(data, java.nio.charset.StandardCharsets.ISO_8859_1).length() + "B:" + java.util.HexFormat.of().formatHex(data, 0, Math.min(24, data.length)))
                    + ", aclKey=" + aclKey + ", acl=" + acl + ", stat=" + stat + ", children=" + children + "]";
        }
    }

    /** The same view of one of our trees. */
    public static Map<String, NodeView> nodesOf(zkstore.tree.DataTree t) throws IOException {
        Map<String, NodeView> out = new TreeMap<>();
        Map<String, Set<String>> kids = new HashMap<>();
        List<zkstore.tree.NodeRecord> records = new ArrayList<>();
        t.walk(records::add);
        for (zkstore.tree.NodeRecord r : records) {
            kids.put(r.path(), new TreeSet<>());
            if (!r.path().isEmpty()) {
                String parent = r.path().substring(0, r.path().lastIndexOf('/'));
                kids.get(parent).add(r.path().substring(r.path().lastIndexOf('/') + 1));
            }
        }
        for (zkstore.tree.NodeRecord r : records) {
            out.put(r.path(), new NodeView(r.data(), r.aclKey(), r.acl(), r.stat(), kids.get(r.path())));
        }
        return out;
    }

    /** Session to ephemeral paths of one of our trees, sessions without ephemerals left out. */
    public static Map<Long, Set<String>> ephemeralsOf(zkstore.tree.DataTree t) {
        Map<Long, Set<String>> out = new TreeMap<>();
        t.ephemerals().forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Null if the trees hold the same nodes, stats, ACLs, ACL map, ephemerals and digest; else the first difference. */
    public String difference(zkstore.tree.DataTree ours) throws IOException {
        if (digest() != ours.digest()) {
            return "digest: zookeeper " + Long.toHexString(digest()) + ", zkstore " + Long.toHexString(ours.digest());
        }
        if (lastProcessedZxid() != ours.lastProcessedZxid()) {
            return "lastProcessedZxid: zookeeper " + lastProcessedZxid() + ", zkstore " + ours.lastProcessedZxid();
        }
        Map<String, NodeView> theirs = nodes();
        Map<String, NodeView> mine = nodesOf(ours);
        for (String p : theirs.keySet()) {
            if (!mine.containsKey(p)) {
                return "node " + p + " only in zookeeper: " + theirs.get(p);
            }
            if (!theirs.get(p).equals(mine.get(p))) {
                return "node " + p + ":\n  zookeeper " + theirs.get(p) + "\n  zkstore   " + mine.get(p);
            }
        }
        for (String p : mine.keySet()) {
            if (!theirs.containsKey(p)) {
                return "node " + p + " only in zkstore: " + mine.get(p);
            }
        }
        for (String p : theirs.keySet()) {
            String clientPath = p.isEmpty() ? "/" : p;
            if (!java.util.Objects.equals(clientStat(clientPath), ours.stat(clientPath))) {
                return "client stat of " + clientPath + ": zookeeper " + clientStat(clientPath) + ", zkstore "
                        + ours.stat(clientPath);
            }
        }
        if (!aclMap().equals(ours.aclCache().entries())) {
            return "ACL map: zookeeper " + aclMap() + ", zkstore " + ours.aclCache().entries();
        }
        if (!ephemerals().equals(ephemeralsOf(ours))) {
            return "ephemerals: zookeeper " + ephemerals() + ", zkstore " + ephemeralsOf(ours);
        }
        if (!containers().equals(ours.containers())) {
            return "containers: zookeeper " + containers() + ", zkstore " + ours.containers();
        }
        if (!ttls().equals(ours.ttls())) {
            return "ttls: zookeeper " + ttls() + ", zkstore " + ours.ttls();
        }
        if (tree.getNodeCount() - 1 != ours.nodeCount()) {
            return "node count: zookeeper " + tree.getNodeCount() + ", zkstore " + ours.nodeCount();
        }
        return null;
    }
}
