package zkstore.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import zkstore.prep.ClientContext;
import zkstore.prep.CreateMode;
import zkstore.prep.Prepared;
import zkstore.prep.PrepOptions;
import zkstore.prep.Request;
import zkstore.prep.RequestPreparer;
import zkstore.record.Acl;
import zkstore.record.CloseSessionTxn;
import zkstore.record.CreateContainerTxn;
import zkstore.record.CreateTtlTxn;
import zkstore.record.CreateTxn;
import zkstore.record.DeleteTxn;
import zkstore.record.Id;
import zkstore.record.MultiTxn;
import zkstore.record.OpCode;
import zkstore.record.Perms;
import zkstore.record.SubTxn;
import zkstore.record.TxnBody;
import zkstore.record.TxnRecord;
import zkstore.tree.AclChecker;
import zkstore.tree.DataTree;

/**
 * A seeded stream of realistic client requests, prepared like ZooKeeper 3.9.3 would log them and
 * applied to the workload's own tree: every txn type (create/create2/createContainer/createTTL,
 * delete/deleteContainer, setData, setACL, multi with check and failing ops, createSession,
 * closeSession, error txns), sequential and ephemeral nodes, quota'd subtrees. Reuse it anywhere a
 * txn stream is needed: {@code new RandomWorkload(WorkloadConfig.seeded(seed)).next().txn()}.
 */
public final class RandomWorkload {

    /** One generated step: who sent what, the txn logged for it and its result. */
    public record Step(ClientContext client, int cxid, Request request, Prepared prepared) {
        public TxnRecord txn() {
            return prepared.txn();
        }
    }

    static final String DIGEST_USER = "alice:secret";
    static final Id DIGEST_ID = new Id("digest", AclChecker.digest(DIGEST_USER));
    static final Id IP_ID = new Id("ip", "10.1.2.3");

    private final WorkloadConfig config;
    private final Random rnd;
    private final DataTree tree;
    private final RequestPreparer preparer;
    private final PathPool nodes = new PathPool();
    private final List<ClientContext> sessions = new ArrayList<>();
    private final Map<Long, ClientContext> byId = new HashMap<>();
    private final List<String> quotaTargets = new ArrayList<>();
    private long time;
    private long nextSessionSeq = 1;
    private int cxid;

    /** A workload over a fresh tree. */
    public RandomWorkload(WorkloadConfig config) {
        this(config, new DataTree());
    }

    /** A workload continuing on {@code tree} (e.g. one restored from files); paths of it are learned first. */
    public RandomWorkload(WorkloadConfig config, DataTree tree) {
        this.config = config;
        this.rnd = new Random(config.seed());
        this.tree = tree;
        this.time = config.startTimeMs();
        this.preparer = new RequestPreparer(tree, PrepOptions.DEFAULT, () -> time);
        try {
            tree.walk(r -> {
                if (!r.path().isEmpty() && !r.path().startsWith("/zookeeper")) {
                    nodes.add(r.path());
                }
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        tree.sessions().forEach((id, to) -> addSession(id));
    }

    /** The tree every generated txn has been applied to. */
    public DataTree tree() {
        return tree;
    }

    /** The next request, prepared and applied. */
    public Step next() {
        time += 1 + rnd.nextInt(3);
        if (sessions.isEmpty() || rnd.nextInt(100) < 2 && sessions.size() < 12) {
            long id = (1L << 56) | nextSessionSeq++;
            ClientContext c = client(id);
            return run(c, new Request.CreateSession(5_000 + rnd.nextInt(25_000)));
        }
        ClientContext c = sessions.get(rnd.nextInt(sessions.size()));
        int roll = rnd.nextInt(1000);
        Request r;
        if (roll < 330) {
            r = randomCreate();
        } else if (roll < 580) {
            r = new Request.SetData(pickPath(), data(), pickVersion());
        } else if (roll < 700) {
            r = randomDelete();
        } else if (roll < 730) {
            r = new Request.SetAcl(pickPath(), randomAcl(), rnd.nextInt(4) == 0 ? 0 : -1);
        } else if (roll < 830) {
            r = randomMulti();
        } else if (roll < 845) {
            return run(c, new Request.CloseSession());
        } else if (roll < 855) {
            r = deleteContainerRequest();
            c = ClientContext.of(0);
        } else if (roll < 905 && config.quotas()) {
            r = quotaRequest();
        } else if (roll < 920) {
            r = new Request.Create(pickPath() + "/" + name(), data(), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } else {
            r = new Request.SetData(pickPath(), data(), -1);
        }
        return run(c, r);
    }

    /** {@code count} steps' txns. */
    public List<TxnRecord> txns(int count) {
        List<TxnRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next().txn());
        }
        return out;
    }

    private Step run(ClientContext c, Request r) {
        int id = ++cxid;
        Prepared p = preparer.prepare(c, id, r);
        learn(p.txn());
        return new Step(c, id, r, p);
    }

    private ClientContext client(long id) {
        return switch ((int) (id % 4)) {
            case 1 -> new ClientContext(id, List.of(DIGEST_ID, IP_ID));
            case 2 -> new ClientContext(id, List.of(IP_ID));
            default -> ClientContext.of(id);
        };
    }

    private void addSession(long id) {
        if (!byId.containsKey(id)) {
            ClientContext c = client(id);
            byId.put(id, c);
            sessions.add(c);
        }
    }

    private void learn(TxnRecord txn) {
        switch (txn.type()) {
            case OpCode.CREATE_SESSION -> addSession(txn.header().clientId());
            case OpCode.CLOSE_SESSION -> {
                ClientContext c = byId.remove(txn.header().clientId());
                sessions.remove(c);
                CloseSessionTxn body = (CloseSessionTxn) txn.body();
                if (body != null && body.paths2Delete() != null) {
                    body.paths2Delete().forEach(nodes::remove);
                }
            }
            case OpCode.MULTI -> {
                List<SubTxn> subs = ((MultiTxn) txn.body()).txns();
                if (subs.stream().noneMatch(s -> s.type() == OpCode.ERROR)) {
                    subs.forEach(s -> learnOp(s.body()));
                }
            }
            default -> learnOp(txn.body());
        }
    }

    private void learnOp(TxnBody body) {
        String created = body instanceof CreateTxn c ? c.path()
                : body instanceof CreateContainerTxn c ? c.path()
                : body instanceof CreateTtlTxn c ? c.path() : null;
        if (created != null) {
            if (!created.startsWith("/zookeeper")) {
                nodes.add(created);
            }
        } else if (body instanceof DeleteTxn d) {
            nodes.remove(d.path());
        }
    }

    private Request randomCreate() {
        String parent = rnd.nextInt(5) == 0 || nodes.isEmpty() ? "" : pickPath();
        if (depth(parent) >= config.maxDepth()) {
            parent = "";
        }
        String path = parent + "/" + name();
        int m = rnd.nextInt(100);
        CreateMode mode = m < 45 ? CreateMode.PERSISTENT : m < 60 ? CreateMode.EPHEMERAL
                : m < 72 ? CreateMode.PERSISTENT_SEQUENTIAL : m < 80 ? CreateMode.EPHEMERAL_SEQUENTIAL
                : m < 88 ? CreateMode.CONTAINER : m < 94 ? CreateMode.PERSISTENT_WITH_TTL
                : CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL;
        long ttl = mode.isTtl() ? (rnd.nextInt(50) == 0 ? 0 : 1_000 + rnd.nextInt(100_000)) : -1;
        byte[] data = mode.isContainer() && rnd.nextBoolean() ? null : data();
        return new Request.Create(path, data, randomAcl(), mode, ttl, rnd.nextBoolean());
    }

    private Request randomDelete() {
        String path = rnd.nextInt(10) == 0 ? "/" + name() + "/" + name() : pickPath();
        return new Request.Delete(path, pickVersion());
    }

    private Request deleteContainerRequest() {
        List<String> containers = new ArrayList<>(tree.containers());
        String path = containers.isEmpty() ? pickPath() : containers.get(rnd.nextInt(containers.size()));
        return new Request.DeleteContainer(path);
    }

    private Request randomMulti() {
        int n = 1 + rnd.nextInt(5);
        List<Request> ops = new ArrayList<>();
        List<String> madeHere = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(10);
            if (k < 4) {
                String parent = !madeHere.isEmpty() && rnd.nextBoolean() ? madeHere.get(rnd.nextInt(madeHere.size()))
                        : rnd.nextInt(3) == 0 || nodes.isEmpty() ? "" : pickPath();
                if (depth(parent) >= config.maxDepth()) {
                    parent = "";
                }
                String path = parent + "/" + name();
                CreateMode mode = rnd.nextInt(4) == 0 ? CreateMode.EPHEMERAL
                        : rnd.nextInt(5) == 0 ? CreateMode.PERSISTENT_SEQUENTIAL : CreateMode.PERSISTENT;
                ops.add(new Request.Create(path, data(), Acl.OPEN_ACL_UNSAFE, mode, -1, rnd.nextBoolean()));
                if (!mode.isSequential()) {
                    madeHere.add(path);
                }
            } else if (k < 6) {
                ops.add(new Request.SetData(pickPath(), data(), pickVersion()));
            } else if (k < 8) {
                ops.add(new Request.Check(pickPath(), pickVersion()));
            } else {
                ops.add(new Request.Delete(!madeHere.isEmpty() && rnd.nextInt(3) == 0
                        ? madeHere.remove(madeHere.size() - 1) : pickPath(), -1));
            }
        }
        return new Request.Multi(ops);
    }

    /** setquota/delquota as ZooKeeper's CLI does it: the limits and stats nodes under /zookeeper/quota. */
    private Request quotaRequest() {
        if (!quotaTargets.isEmpty() && rnd.nextInt(4) == 0) {
            String target = quotaTargets.get(rnd.nextInt(quotaTargets.size()));
            String base = DataTree.QUOTA_PATH + target;
            if (rnd.nextInt(3) == 0) {
                quotaTargets.remove(target);
                return new Request.Multi(List.of(new Request.Delete(base + "/zookeeper_limits", -1),
                        new Request.Delete(base + "/zookeeper_stats", -1)));
            }
            return new Request.SetData(base + "/zookeeper_limits",
                    ("count=" + (10 + rnd.nextInt(1000)) + ",bytes=-1").getBytes(), -1);
        }
        String target = nodes.isEmpty() ? "/" + name() : pickPath();
        if (quotaTargets.contains(target) || quotaTargets.stream().anyMatch(q -> target.startsWith(q + "/") || q.startsWith(target + "/"))) {
            return new Request.SetData(target, data(), -1);
        }
        List<Request> ops = new ArrayList<>();
        StringBuilder p = new StringBuilder(DataTree.QUOTA_PATH);
        for (String part : target.substring(1).split("/")) {
            p.append('/').append(part);
            if (!tree.exists(p.toString())) {
                ops.add(new Request.Create(p.toString(), null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            }
        }
        ops.add(new Request.Create(p + "/zookeeper_limits", ("count=" + (10 + rnd.nextInt(1000)) + ",bytes=-1").getBytes(),
                Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        ops.add(new Request.Create(p + "/zookeeper_stats", "count=0,bytes=0".getBytes(), Acl.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT));
        quotaTargets.add(target);
        return new Request.Multi(ops);
    }

    private List<Acl> randomAcl() {
        int k = rnd.nextInt(100);
        if (k < 80) {
            return Acl.OPEN_ACL_UNSAFE;
        } else if (k < 84) {
            return Acl.READ_ACL_UNSAFE;
        } else if (k < 90) {
            return List.of(new Acl(Perms.ALL, DIGEST_ID), new Acl(Perms.READ, Id.ANYONE));
        } else if (k < 94) {
            return List.of(new Acl(Perms.ALL, new Id("ip", "10.0.0.0/8")));
        } else if (k < 97) {
            return List.of(new Acl(Perms.ALL, new Id("auth", "")));
        } else if (k < 99) {
            return List.of(new Acl(Perms.READ | Perms.WRITE | Perms.CREATE, Id.ANYONE));
        }
        return List.of(new Acl(Perms.ALL, new Id("world", "nobody")));
    }

    private String pickPath() {
        if (nodes.isEmpty()) {
            return "/" + name();
        }
        String p = nodes.random(rnd);
        return rnd.nextInt(20) == 0 ? p + "/" + name() : p;
    }

    private int pickVersion() {
        int k = rnd.nextInt(10);
        return k < 7 ? -1 : k < 9 ? 0 : rnd.nextInt(3);
    }

    private String name() {
        return "n" + rnd.nextInt(config.names());
    }

    private byte[] data() {
        int k = rnd.nextInt(20);
        if (k == 0) {
            return null;
        }
        if (k == 1) {
            return new byte[0];
        }
        byte[] b = new byte[rnd.nextInt(2 * config.dataSize() + 1)];
        rnd.nextBytes(b);
        return b;
    }

    private static int depth(String path) {
        int d = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                d++;
            }
        }
        return d;
    }

    /** Paths with O(1) add, remove and random pick. */
    private static final class PathPool {
        private final List<String> list = new ArrayList<>();
        private final Map<String, Integer> at = new HashMap<>();

        void add(String p) {
            if (!at.containsKey(p)) {
                at.put(p, list.size());
                list.add(p);
            }
        }

        void remove(String p) {
            Integer i = at.remove(p);
            if (i != null) {
                String last = list.remove(list.size() - 1);
                if (i < list.size()) {
                    list.set(i, last);
                    at.put(last, i);
                }
            }
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        String random(Random rnd) {
            return list.get(rnd.nextInt(list.size()));
        }
    }
}
