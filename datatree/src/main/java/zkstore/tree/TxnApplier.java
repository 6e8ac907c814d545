package zkstore.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import zkstore.record.CloseSessionTxn;
import zkstore.record.CreateContainerTxn;
import zkstore.record.CreateSessionTxn;
import zkstore.record.CreateTtlTxn;
import zkstore.record.CreateTxn;
import zkstore.record.DeleteTxn;
import zkstore.record.ErrorTxn;
import zkstore.record.MultiTxn;
import zkstore.record.OpCode;
import zkstore.record.PathTxn;
import zkstore.record.SetAclTxn;
import zkstore.record.SetDataTxn;
import zkstore.record.Stat;
import zkstore.record.SubTxn;
import zkstore.record.TxnBody;
import zkstore.record.TxnHeader;

/** Dispatches one txn to the mutator, with the strict pre-check or ZooKeeper's replay rules. */
final class TxnApplier {

    private final DataTree tree;
    private final TreeMutator mutator;

    TxnApplier(DataTree tree) {
        this.tree = tree;
        this.mutator = new TreeMutator(tree);
    }

    TxnResult apply(TxnHeader h, TxnBody body, ApplyMode mode) {
        if (h.type() == OpCode.MULTI) {
            return applyMulti(h, (MultiTxn) body, mode);
        }
        if (mode == ApplyMode.STRICT) {
            int err = new StrictCheck().check(h.type(), body);
            if (err != KeeperCode.OK) {
                return TxnResult.of(h.zxid(), h.type(), err, pathOf(body), null);
            }
        }
        return applyOne(h, h.type(), body);
    }

    private TxnResult applyMulti(TxnHeader h, MultiTxn multi, ApplyMode mode) {
        List<SubTxn> subs = multi.txns();
        boolean failed = subs.stream().anyMatch(s -> s.type() == OpCode.ERROR);
        if (failed) {
            List<SubTxn> converted = new ArrayList<>(subs.size());
            boolean postFailed = false;
            for (SubTxn s : subs) {
                if (s.type() == OpCode.ERROR) {
                    postFailed = true;
                    converted.add(s);
                } else {
                    converted.add(new SubTxn(OpCode.ERROR, new ErrorTxn(
                            postFailed ? KeeperCode.RUNTIMEINCONSISTENCY : KeeperCode.OK)));
                }
            }
            subs = converted;
        } else if (mode == ApplyMode.STRICT) {
            StrictCheck check = new StrictCheck();
            for (int i = 0; i < subs.size(); i++) {
                int err = check.check(subs.get(i).type(), subs.get(i).body());
                if (err != KeeperCode.OK) {
                    return rejectedMulti(h, subs, i, err);
                }
            }
        }
        List<TxnResult> results = new ArrayList<>(subs.size());
        int err = KeeperCode.OK;
        for (SubTxn s : subs) {
            TxnHeader sub = new TxnHeader(h.clientId(), h.cxid(), h.zxid(), h.time(), s.type());
            TxnResult r = applyOne(sub, s.type(), s.body());
            results.add(r);
            if (r.err() != KeeperCode.OK && err == KeeperCode.OK) {
                err = r.err();
            }
        }
        return new TxnResult(h.zxid(), OpCode.MULTI, err, null, null, results);
    }

    private static TxnResult rejectedMulti(TxnHeader h, List<SubTxn> subs, int failedAt, int err) {
        List<TxnResult> results = new ArrayList<>();
        for (int i = 0; i < subs.size(); i++) {
            int e = i < failedAt ? KeeperCode.OK : i == failedAt ? err : KeeperCode.RUNTIMEINCONSISTENCY;
            results.add(TxnResult.of(h.zxid(), OpCode.ERROR, e, pathOf(subs.get(i).body()), null));
        }
        return new TxnResult(h.zxid(), OpCode.MULTI, err, null, null, results);
    }

    private TxnResult applyOne(TxnHeader h, int type, TxnBody body) {
        long zxid = h.zxid();
        int[] err = {KeeperCode.OK};
        Stat stat = null;
        String path = pathOf(body);
        switch (type) {
            case OpCode.CREATE, OpCode.CREATE2 -> {
                CreateTxn c = (CreateTxn) body;
                Stat s = mutator.createNode(c.path(), c.data(), c.acl(), c.ephemeral() ? h.clientId() : 0,
                        c.parentCVersion(), zxid, h.time(), err);
                stat = type == OpCode.CREATE2 ? s : null;
                if (type == OpCode.CREATE && err[0] == KeeperCode.NODEEXISTS) {
                    String parent = c.path().substring(0, c.path().lastIndexOf('/'));
                    if (mutator.setCversionPzxid(parent, c.parentCVersion(), zxid) != KeeperCode.OK) {
                        err[0] = KeeperCode.NONODE;
                    }
                }
            }
            case OpCode.CREATE_TTL -> {
                CreateTtlTxn c = (CreateTtlTxn) body;
                if (c.ttl() < 0 || c.ttl() > NodeKind.MAX_TTL) {
                    err[0] = KeeperCode.BADARGUMENTS;
                } else {
                    stat = mutator.createNode(c.path(), c.data(), c.acl(), NodeKind.ttlOwner(c.ttl()),
                            c.parentCVersion(), zxid, h.time(), err);
                }
            }
            case OpCode.CREATE_CONTAINER -> {
                CreateContainerTxn c = (CreateContainerTxn) body;
                stat = mutator.createNode(c.path(), c.data(), c.acl(), NodeKind.CONTAINER_OWNER,
                        c.parentCVersion(), zxid, h.time(), err);
            }
            case OpCode.DELETE, OpCode.DELETE_CONTAINER -> err[0] = mutator.deleteNode(((DeleteTxn) body).path(), zxid);
            case OpCode.SET_DATA, OpCode.RECONFIG -> {
                SetDataTxn s = (SetDataTxn) body;
                stat = mutator.setData(s.path(), s.data(), s.version(), zxid, h.time(), err);
            }
            case OpCode.SET_ACL -> {
                SetAclTxn s = (SetAclTxn) body;
                stat = mutator.setAcl(s.path(), s.acl(), s.version(), err);
            }
            case OpCode.CHECK, OpCode.CREATE_SESSION -> {
                if (type == OpCode.CREATE_SESSION) {
                    tree.sessions.put(h.clientId(), ((CreateSessionTxn) body).timeOut());
                }
            }
            case OpCode.CLOSE_SESSION -> {
                List<String> paths = body == null ? null : ((CloseSessionTxn) body).paths2Delete();
                mutator.killSession(h.clientId(), zxid, paths);
                tree.sessions.remove(h.clientId());
            }
            case OpCode.ERROR -> err[0] = ((ErrorTxn) body).err();
            default -> throw new IllegalArgumentException("txn type " + type + " (" + OpCode.name(type)
                    + ") cannot be applied, zxid 0x" + Long.toHexString(zxid));
        }
        return TxnResult.of(zxid, type, err[0], path, stat);
    }

    static String pathOf(TxnBody body) {
        return body instanceof PathTxn p ? p.path() : null;
    }

    /** Decides whether txns fit the tree, tracking nodes created and deleted by earlier ops of a multi. */
    private final class StrictCheck {
        private final Map<String, Boolean> overlay = new HashMap<>();
        private final Map<String, Integer> childDelta = new HashMap<>();

        private final java.util.Set<String> fresh = new java.util.HashSet<>();

        private int children(String path) {
            zkstore.record.Stat s = fresh.contains(path) ? null : tree.stat(path);
            return (s == null ? 0 : s.numChildren()) + childDelta.getOrDefault(path, 0);
        }

        private String parentOf(String path) {
            int slash = path.lastIndexOf('/');
            return slash <= 0 ? "/" : path.substring(0, slash);
        }

        private boolean exists(String path) {
            Boolean b = overlay.get(path);
            return b != null ? b : tree.exists(path);
        }

        int check(int type, TxnBody body) {
            switch (type) {
                case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_TTL, OpCode.CREATE_CONTAINER -> {
                    String path = pathOf(body);
                    int slash = path.lastIndexOf('/');
                    if (slash < 0 || !exists(slash == 0 ? "/" : path.substring(0, slash))) {
                        return KeeperCode.NONODE;
                    }
                    if (exists(path)) {
                        return KeeperCode.NODEEXISTS;
                    }
                    overlay.put(path, true);
                    fresh.add(path);
                    childDelta.merge(parentOf(path), 1, Integer::sum);
                }
                case OpCode.DELETE, OpCode.DELETE_CONTAINER -> {
                    String path = pathOf(body);
                    if (!exists(path)) {
                        return KeeperCode.NONODE;
                    }
                    if (children(path) > 0) {
                        return KeeperCode.NOTEMPTY;
                    }
                    overlay.put(path, false);
                    childDelta.remove(path);
                    childDelta.merge(parentOf(path), -1, Integer::sum);
                }
                case OpCode.SET_DATA, OpCode.RECONFIG, OpCode.SET_ACL, OpCode.CHECK -> {
                    if (!exists(pathOf(body))) {
                        return KeeperCode.NONODE;
                    }
                }
                case OpCode.CLOSE_SESSION -> {
                    if (body != null && ((CloseSessionTxn) body).paths2Delete() != null) {
                        for (String path : ((CloseSessionTxn) body).paths2Delete()) {
                            if (!exists(path)) {
                                return KeeperCode.NONODE;
                            }
                        }
                    }
                }
                default -> { }
            }
            return KeeperCode.OK;
        }
    }
}
