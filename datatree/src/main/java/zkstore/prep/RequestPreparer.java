package zkstore.prep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import zkstore.prep.PendingChanges.NodeState;
import zkstore.record.Acl;
import zkstore.record.CheckVersionTxn;
import zkstore.record.CloseSessionTxn;
import zkstore.record.CreateContainerTxn;
import zkstore.record.CreateSessionTxn;
import zkstore.record.CreateTtlTxn;
import zkstore.record.CreateTxn;
import zkstore.record.DeleteTxn;
import zkstore.record.ErrorTxn;
import zkstore.record.Id;
import zkstore.record.MultiTxn;
import zkstore.record.OpCode;
import zkstore.record.Perms;
import zkstore.record.SetAclTxn;
import zkstore.record.SetDataTxn;
import zkstore.record.SubTxn;
import zkstore.record.TxnBody;
import zkstore.record.TxnDigest;
import zkstore.record.TxnHeader;
import zkstore.record.TxnRecord;
import zkstore.tree.AclChecker;
import zkstore.tree.ApplyMode;
import zkstore.tree.DataTree;
import zkstore.tree.KeeperCode;
import zkstore.tree.NodeKind;
import zkstore.tree.TxnResult;

/**
 * Turns client requests into the txns ZooKeeper 3.9.3's PrepRequestProcessor would log (resulting
 * versions, sequential names, parentCVersion, error txns, multis with error entries) and applies
 * each to the tree, so the record carries the digest after applying. zxid = lastProcessedZxid + 1.
 */
public final class RequestPreparer {

    private final DataTree tree;
    private final PrepOptions options;
    private final LongSupplier clock;

    /** Preparation with ZooKeeper's defaults and the wall clock. */
    public RequestPreparer(DataTree tree) {
        this(tree, PrepOptions.DEFAULT, System::currentTimeMillis);
    }

    /** Preparation with explicit options and a clock giving the header time in ms. */
    public RequestPreparer(DataTree tree, PrepOptions options, LongSupplier clock) {
        this.tree = tree;
        this.options = options;
        this.clock = clock;
    }

    /** The tree requests are prepared against and applied to. */
    public DataTree tree() {
        return tree;
    }

    /** Prepares, logs-as-ZooKeeper-would and applies one request. */
    public Prepared prepare(ClientContext client, int cxid, Request request) {
        long zxid = tree.lastProcessedZxid() + 1;
        long time = clock.getAsLong();
        long session = client.sessionId();
        TxnHeader header;
        TxnBody body;
        boolean withDigest = options.digestEnabled();
        if (request instanceof Request.Multi multi) {
            PendingChanges pending = new PendingChanges(tree);
            List<SubTxn> subs = new ArrayList<>();
            boolean failed = false;
            for (Request op : multi.ops()) {
                if (failed) {
                    subs.add(new SubTxn(OpCode.ERROR, new ErrorTxn(KeeperCode.RUNTIMEINCONSISTENCY)));
                    continue;
                }
                checkMultiOp(op);
                try {
                    subs.add(prepareOne(client, op, pending));
                } catch (Failure f) {
                    failed = true;
                    subs.add(new SubTxn(OpCode.ERROR, new ErrorTxn(f.code)));
                }
            }
            header = new TxnHeader(session, cxid, zxid, time, OpCode.MULTI);
            body = new MultiTxn(subs);
        } else {
            if (request instanceof Request.Check) {
                throw new IllegalArgumentException("check is only valid inside a multi");
            }
            try {
                SubTxn txn = prepareOne(client, request, new PendingChanges(tree));
                int headerCxid = txn.type() == OpCode.CREATE_SESSION ? 0 : cxid;
                header = new TxnHeader(session, headerCxid, zxid, time, txn.type());
                body = txn.body();
            } catch (Failure f) {
                header = new TxnHeader(session, cxid, zxid, time, OpCode.ERROR);
                body = new ErrorTxn(f.code);
                withDigest = false;
            }
        }
        TxnResult result = tree.apply(header, body, ApplyMode.STRICT);
        TxnDigest digest = withDigest ? new TxnDigest(2, tree.digest()) : null;
        return new Prepared(new TxnRecord(header, body, digest), result);
    }

    private static void checkMultiOp(Request op) {
        if (!(op instanceof Request.Create || op instanceof Request.Delete || op instanceof Request.SetData
                || op instanceof Request.Check)) {
            throw new IllegalArgumentException("a multi holds only create, delete, setData and check, not " + op);
        }
    }

    private SubTxn prepareOne(ClientContext client, Request request, PendingChanges pending) throws Failure {
        if (request instanceof Request.Create c) {
            return create(client, c, pending);
        } else if (request instanceof Request.Delete d) {
            return delete(client, d, pending);
        } else if (request instanceof Request.DeleteContainer d) {
            return deleteContainer(d, pending);
        } else if (request instanceof Request.SetData s) {
            checkSession(client);
            validatePath(s.path());
            NodeState node = existing(pending, s.path());
            checkAcl(client, node.acl, Perms.WRITE);
            node.version = nextVersion(node.version, s.version());
            return new SubTxn(OpCode.SET_DATA, new SetDataTxn(s.path(), s.data(), node.version));
        } else if (request instanceof Request.SetAcl s) {
            checkSession(client);
            validatePath(s.path());
            List<Acl> acl = fixupAcl(client, s.acl());
            NodeState node = existing(pending, s.path());
            checkAcl(client, node.acl, Perms.ADMIN);
            node.aversion = nextVersion(node.aversion, s.version());
            node.acl = acl;
            return new SubTxn(OpCode.SET_ACL, new SetAclTxn(s.path(), acl, node.aversion));
        } else if (request instanceof Request.Check c) {
            checkSession(client);
            validatePath(c.path());
            NodeState node = existing(pending, c.path());
            checkAcl(client, node.acl, Perms.READ);
            return new SubTxn(OpCode.CHECK, new CheckVersionTxn(c.path(), nextVersion(node.version, c.version())));
        } else if (request instanceof Request.CreateSession s) {
            return new SubTxn(OpCode.CREATE_SESSION, new CreateSessionTxn(s.timeoutMs()));
        } else if (request instanceof Request.CloseSession) {
            TxnBody body = options.closeSessionTxnEnabled()
                    ? new CloseSessionTxn(new ArrayList<>(tree.ephemerals(client.sessionId())))
                    : CloseSessionTxn.BODYLESS;
            return new SubTxn(OpCode.CLOSE_SESSION, body);
        }
        throw new IllegalArgumentException("cannot prepare " + request);
    }

    private SubTxn create(ClientContext client, Request.Create c, PendingChanges pending) throws Failure {
        CreateMode mode = c.mode();
        if (mode.isTtl()) {
            if (!tree.options().extendedTypesEnabled()) {
                throw new Failure(-6);
            }
            if (c.ttl() <= 0 || c.ttl() > NodeKind.MAX_TTL) {
                throw new Failure(KeeperCode.BADARGUMENTS);
            }
        } else if (c.ttl() >= 0) {
            throw new Failure(KeeperCode.BADARGUMENTS);
        }
        checkSession(client);
        String path = c.path();
        int slash = path.lastIndexOf('/');
        if (slash < 0 || path.indexOf('\0') >= 0) {
            throw new Failure(KeeperCode.BADARGUMENTS);
        }
        List<Acl> acl = fixupAcl(client, c.acl());
        NodeState parent = existing(pending, path.substring(0, slash));
        checkAcl(client, parent.acl, Perms.CREATE);
        if (mode.isSequential()) {
            path = path + String.format(Locale.ENGLISH, "%010d", parent.cversion);
        }
        validatePath(path);
        if (pending.get(path) != null) {
            throw new Failure(KeeperCode.NODEEXISTS);
        }
        if (NodeKind.of(parent.owner, tree.options().extendedTypesEnabled()) == NodeKind.EPHEMERAL) {
            throw new Failure(KeeperCode.NOCHILDRENFOREPHEMERALS);
        }
        int newCversion = parent.cversion + 1;
        parent.cversion = newCversion;
        parent.childCount++;
        long owner;
        SubTxn txn;
        if (mode.isContainer()) {
            owner = NodeKind.CONTAINER_OWNER;
            txn = new SubTxn(OpCode.CREATE_CONTAINER, new CreateContainerTxn(path, c.data(), acl, newCversion));
        } else if (mode.isTtl()) {
            owner = NodeKind.ttlOwner(c.ttl());
            txn = new SubTxn(OpCode.CREATE_TTL, new CreateTtlTxn(path, c.data(), acl, newCversion, c.ttl()));
        } else {
            owner = mode.isEphemeral() ? client.sessionId() : 0;
            txn = new SubTxn(c.withStat() ? OpCode.CREATE2 : OpCode.CREATE,
                    new CreateTxn(path, c.data(), acl, mode.isEphemeral(), newCversion));
        }
        pending.created(path, owner, acl);
        return txn;
    }

    private SubTxn delete(ClientContext client, Request.Delete d, PendingChanges pending) throws Failure {
        checkSession(client);
        String parentPath = parentOfDeletable(d.path());
        NodeState parent = existing(pending, parentPath);
        checkAcl(client, parent.acl, Perms.DELETE);
        NodeState node = existing(pending, d.path());
        nextVersion(node.version, d.version());
        if (node.childCount > 0) {
            throw new Failure(KeeperCode.NOTEMPTY);
        }
        parent.childCount--;
        pending.deleted(d.path());
        return new SubTxn(OpCode.DELETE, new DeleteTxn(d.path()));
    }

    private SubTxn deleteContainer(Request.DeleteContainer d, PendingChanges pending) throws Failure {
        String parentPath = parentOfDeletable(d.path());
        NodeState node = existing(pending, d.path());
        if (node.childCount > 0) {
            throw new Failure(KeeperCode.NOTEMPTY);
        }
        if (NodeKind.of(node.owner, tree.options().extendedTypesEnabled()) == NodeKind.EPHEMERAL) {
            throw new Failure(KeeperCode.BADVERSION);
        }
        NodeState parent = existing(pending, parentPath);
        parent.childCount--;
        pending.deleted(d.path());
        return new SubTxn(OpCode.DELETE_CONTAINER, new DeleteTxn(d.path()));
    }

    private static String parentOfDeletable(String path) throws Failure {
        int slash = path.lastIndexOf('/');
        if (slash < 0 || path.indexOf('\0') >= 0 || path.equals("/") || path.equals(DataTree.ZOOKEEPER_PATH)
                || path.equals(DataTree.QUOTA_PATH) || path.equals(DataTree.CONFIG_PATH)) {
            throw new Failure(KeeperCode.BADARGUMENTS);
        }
        return path.substring(0, slash);
    }

    private static NodeState existing(PendingChanges pending, String path) throws Failure {
        NodeState n = pending.get(path);
        if (n == null) {
            throw new Failure(KeeperCode.NONODE);
        }
        return n;
    }

    private static int nextVersion(int current, int expected) throws Failure {
        if (expected != -1 && expected != current) {
            throw new Failure(KeeperCode.BADVERSION);
        }
        return current + 1;
    }

    private static void validatePath(String path) throws Failure {
        if (!PathValidator.valid(path)) {
            throw new Failure(KeeperCode.BADARGUMENTS);
        }
    }

    private void checkSession(ClientContext client) throws Failure {
        if (options.checkSessions() && !tree.hasSession(client.sessionId())) {
            throw new Failure(KeeperCode.SESSIONEXPIRED);
        }
    }

    private void checkAcl(ClientContext client, List<Acl> acl, int perm) throws Failure {
        if (options.checkAcls() && !AclChecker.allowed(acl, perm, client.authIds())) {
            throw new Failure(KeeperCode.NOAUTH);
        }
    }

    /** ZooKeeper's fixupACL: drop duplicates, expand "auth", reject empty lists and invalid ids. */
    private static List<Acl> fixupAcl(ClientContext client, List<Acl> acl) throws Failure {
        if (acl == null) {
            throw new Failure(KeeperCode.INVALIDACL);
        }
        List<Acl> unique = new ArrayList<>();
        for (Acl a : acl) {
            if (!unique.contains(a)) {
                unique.add(a);
            }
        }
        if (unique.isEmpty()) {
            throw new Failure(KeeperCode.INVALIDACL);
        }
        List<Acl> out = new ArrayList<>();
        for (Acl a : unique) {
            Id id = a.id();
            if (id == null || id.scheme() == null) {
                throw new Failure(KeeperCode.INVALIDACL);
            }
            if (id.scheme().equals("world") && "anyone".equals(id.id())) {
                out.add(a);
            } else if (id.scheme().equals("auth")) {
                boolean any = false;
                for (Id mine : client.authIds()) {
                    if (AclChecker.authenticatedScheme(mine.scheme())) {
                        any = true;
                        out.add(new Acl(a.perms(), mine));
                    }
                }
                if (!any) {
                    throw new Failure(KeeperCode.INVALIDACL);
                }
            } else {
                if (id.id() == null || !AclChecker.validId(id.scheme(), id.id())) {
                    throw new Failure(KeeperCode.INVALIDACL);
                }
                out.add(a);
            }
        }
        return out;
    }

    /** A KeeperException code raised while preparing. */
    private static final class Failure extends Exception {
        final int code;

        Failure(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }
}
