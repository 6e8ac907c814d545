package zkstore.tree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import zkstore.record.Acl;
import zkstore.record.Stat;
import zkstore.record.StatPersisted;
import zkstore.record.TxnBody;
import zkstore.record.TxnHeader;
import zkstore.record.TxnRecord;

/**
 * The in-memory znode tree with ZooKeeper 3.9's semantics. One writer thread applies txns through
 * {@link #apply}; one other thread may {@link #walk} it at the same time for a fuzzy snapshot.
 * Lookups ({@link #stat}, {@link #data}, ...) belong to the writer thread or to a quiet tree.
 */
public final class DataTree {

    public static final String ZOOKEEPER_PATH = "/zookeeper";
    public static final String QUOTA_PATH = "/zookeeper/quota";
    public static final String CONFIG_PATH = "/zookeeper/config";

    final TreeOptions options;
    final ZNode root;
    final PathIndex index = new PathIndex();
    final AclCache acls = new AclCache();
    final NodeDigest digester = new NodeDigest();
    final EphemeralIndex ephemerals;
    final QuotaTracker quotas = new QuotaTracker(this);
    final WatchRegistry watches = new WatchRegistry();
    final Map<Long, Integer> sessions = new ConcurrentHashMap<>();
    private final TxnApplier applier;
    volatile long digest;
    volatile long lastProcessedZxid;
    volatile ZxidDigest lastTxnDigest;

    /** A fresh tree holding the system nodes, as a new ZooKeeper server starts. */
    public DataTree() {
        this(TreeOptions.DEFAULT);
    }

    /** A fresh tree holding the system nodes, with the given options. */
    public DataTree(TreeOptions options) {
        this(options, true);
    }

    DataTree(TreeOptions options, boolean withSystemNodes) {
        this.options = options;
        this.ephemerals = new EphemeralIndex(options);
        this.root = new ZNode(new byte[0], new byte[0]);
        root.aclSlot = AclCache.OPEN_SLOT;
        this.applier = new TxnApplier(this);
        if (withSystemNodes) {
            digest = digester.of(new byte[0], 0, root);
            TreeMutator m = new TreeMutator(this);
            m.linkNew(root, utf8(ZOOKEEPER_PATH), new byte[0], AclCache.OPEN_SLOT);
            m.linkNew(find(ZOOKEEPER_PATH), utf8(QUOTA_PATH), new byte[0], AclCache.OPEN_SLOT);
            ZNode config = m.linkNew(find(ZOOKEEPER_PATH), utf8(CONFIG_PATH), new byte[0], AclCache.OPEN_SLOT);
            config.aclSlot = acls.acquire(Acl.READ_ACL_UNSAFE);
            config.aversion = -1;
        }
    }

    /** Applies one log entry strictly (see {@link ApplyMode#STRICT}). */
    public TxnResult apply(TxnRecord txn) {
        return apply(txn.header(), txn.body(), ApplyMode.STRICT);
    }

    /** Applies one log entry in the given mode. */
    public TxnResult apply(TxnRecord txn, ApplyMode mode) {
        return apply(txn.header(), txn.body(), mode);
    }

    /**
     * Applies one txn (body null only for a body-less closeSession) and advances lastProcessedZxid
     * once, after the whole txn, if its zxid is higher.
     */
    public TxnResult apply(TxnHeader header, TxnBody body, ApplyMode mode) {
        TxnResult result = applier.apply(header, body, mode);
        if (header.zxid() > lastProcessedZxid) {
            lastProcessedZxid = header.zxid();
        }
        lastTxnDigest = new ZxidDigest(header.zxid(), digest);
        return result;
    }

    /** The 3.6+ tree digest (version 2), kept incrementally. */
    public long digest() {
        return digest;
    }

    /** (zxid, digest) right after the last applied txn, or null if none was applied to this tree yet. */
    public ZxidDigest lastTxnDigest() {
        return lastTxnDigest;
    }

    /** The highest zxid applied (or set by a restore). */
    public long lastProcessedZxid() {
        return lastProcessedZxid;
    }

    /** Sets lastProcessedZxid, e.g. to a loaded snapshot's name zxid. */
    public void setLastProcessedZxid(long zxid) {
        this.lastProcessedZxid = zxid;
    }

    /** The options this tree was built with. */
    public TreeOptions options() {
        return options;
    }

    /** Number of nodes including the root and the system nodes. */
    public int nodeCount() {
        return index.size() + 1;
    }

    /** True if a node exists at {@code path}. */
    public boolean exists(String path) {
        return find(path) != null;
    }

    /** The Stat a client gets for the node at {@code path} (exists, getData), or null if there is none. */
    public Stat stat(String path) {
        ZNode n = find(path);
        return n == null ? null : wireStat(n);
    }

    /** The number of children of the node at {@code path}, or -1 if there is none. */
    public int numChildren(String path) {
        ZNode n = find(path);
        return n == null ? -1 : n.numChildren;
    }

    /** The persisted stat of the node at {@code path}, or null if there is none. */
    public StatPersisted statPersisted(String path) {
        ZNode n = find(path);
        return n == null ? null : persistedStat(n);
    }

    /** A copy of the node's data (null if the node holds null data or does not exist). */
    public byte[] data(String path) {
        ZNode n = find(path);
        return n == null ? null : ZNode.data(n.bytes);
    }

    /** The node's ACL list, or null if there is no node. */
    public List<Acl> acl(String path) {
        ZNode n = find(path);
        return n == null ? null : acls.acl(n.aclSlot);
    }

    /** The node's ACL cache key (-1 = OPEN_ACL_UNSAFE without an entry), or null if there is no node. */
    public Long aclKey(String path) {
        ZNode n = find(path);
        return n == null ? null : acls.key(n.aclSlot);
    }

    /** Names of the node's children in no particular order, or null if there is no node. */
    public List<String> children(String path) {
        ZNode n = find(path);
        if (n == null) {
            return null;
        }
        List<String> out = new ArrayList<>(n.numChildren);
        for (ZNode c = n.firstChild; c != null; c = c.nextSibling) {
            out.add(c.name());
        }
        return out;
    }

    /** The ACL cache (entries keyed by long, reference counted). */
    public AclCache aclCache() {
        return acls;
    }

    /** A copy of session id to the paths of its ephemeral nodes. */
    public Map<Long, Set<String>> ephemerals() {
        return ephemerals.all();
    }

    /** A copy of the paths of {@code sessionId}'s ephemeral nodes (empty if none). */
    public Set<String> ephemerals(long sessionId) {
        return ephemerals.of(sessionId);
    }

    /** A copy of the container node paths. */
    public Set<String> containers() {
        return ephemerals.containers();
    }

    /** A copy of the TTL node paths. */
    public Set<String> ttls() {
        return ephemerals.ttls();
    }

    /** A sorted copy of the open sessions: id to timeout in ms (createSession adds, closeSession removes). */
    public Map<Long, Integer> sessions() {
        return Collections.unmodifiableMap(new TreeMap<>(sessions));
    }

    /** True if the session is open (created by a createSession txn or restored). */
    public boolean hasSession(long sessionId) {
        return sessions.containsKey(sessionId);
    }

    /** Registers a session outside a txn (restore from a snapshot's session table). */
    public void putSession(long sessionId, int timeoutMs) {
        sessions.put(sessionId, timeoutMs);
    }

    /** The watch registry: add watches here; applying txns fires them. */
    public WatchRegistry watches() {
        return watches;
    }

    /** Quota-limited paths (those with a zookeeper_limits node), sorted. */
    public Set<String> quotaPaths() {
        return quotas.paths();
    }

    /**
     * Pre-order walk (root as "", parents before children), safe while the writer applies txns:
     * each node is read whole under its own lock, no lock is held while {@code visitor} runs.
     * Nodes created or deleted during the walk may or may not be seen (a fuzzy snapshot), but a
     * node already deleted when the walk reaches it is left out with its subtree, as ZooKeeper's
     * serializer skips a child path that no longer exists.
     */
    public void walk(NodeVisitor visitor) throws IOException {
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, null});
        List<ZNode> kids = new ArrayList<>();
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            ZNode n = (ZNode) top[0];
            String parentPath = (String) top[1];
            NodeRecord record;
            kids.clear();
            synchronized (n) {
                if (n.aclSlot == TreeMutator.DELETED_SLOT) {
                    continue;
                }
                String path = parentPath == null ? "" : parentPath + "/" + n.name();
                long key;
                List<Acl> acl;
                synchronized (acls) {
                    key = acls.key(n.aclSlot);
                    acl = acls.acl(n.aclSlot);
                }
                for (ZNode c = n.firstChild; c != null; c = c.nextSibling) {
                    kids.add(c);
                }
                record = new NodeRecord(path, ZNode.data(n.bytes), key, acl, persistedStat(n), n.numChildren);
            }
            visitor.visit(record);
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(new Object[] {kids.get(i), record.path()});
            }
        }
    }

    /** Recomputes the digest from every node (for tests and for checking the incremental value). */
    public long recomputeDigest() throws IOException {
        NodeDigest d = new NodeDigest();
        long[] sum = {0};
        walk(r -> {
            byte[] p = utf8(r.path());
            ZNode tmp = new ZNode(new byte[0], r.data());
            tmp.setStat(r.stat());
            sum[0] += d.of(p, p.length, tmp);
        });
        return sum[0];
    }

    // ---- package-private helpers shared by the mutator, applier, loader and quota tracker ----

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    ZNode find(String path) {
        byte[] p = utf8(path);
        return find(p, p.length);
    }

    ZNode find(byte[] p, int len) {
        if (len == 0 || (len == 1 && p[0] == '/')) {
            return root;
        }
        return index.get(p, len, PathIndex.hash(p, len));
    }

    long term(byte[] p, int len, ZNode n) {
        return digester.of(p, len, n);
    }

    static StatPersisted persistedStat(ZNode n) {
        return new StatPersisted(n.czxid, n.mzxid, n.ctime, n.mtime, n.version, n.cversion, n.aversion,
                n.ephemeralOwner, n.pzxid);
    }

    /**
     * The stat ZooKeeper sends a client for this node (its DataNode.copyStat). The stored cversion counts the
     * creates of children only, while a client is told creates plus deletes: twice the stored count less the
     * children still there. A container's or TTL node's owner encoding reads as 0, as for a persistent node.
     */
    Stat wireStat(ZNode n) {
        long owner = NodeKind.of(n.ephemeralOwner, options.extendedTypesEnabled()) == NodeKind.EPHEMERAL
                ? n.ephemeralOwner : 0;
        return new Stat(n.czxid, n.mzxid, n.ctime, n.mtime, n.version, n.cversion * 2 - n.numChildren, n.aversion,
                owner, ZNode.dataLength(n.bytes), n.numChildren, n.pzxid);
    }
}
