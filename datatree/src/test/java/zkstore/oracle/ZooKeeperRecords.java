package zkstore.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.jute.Record;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.server.TxnLogEntry;
import zkstore.record.Acl;
import zkstore.record.CheckVersionTxn;
import zkstore.record.CloseSessionTxn;
import zkstore.record.CreateContainerTxn;
import zkstore.record.CreateSessionTxn;
import zkstore.record.CreateTtlTxn;
import zkstore.record.CreateTxn;
import zkstore.record.DeleteTxn;
import zkstore.record.ErrorTxn;
import zkstore.record.FileHeader;
import zkstore.record.Id;
import zkstore.record.MultiTxn;
import zkstore.record.SetAclTxn;
import zkstore.record.SetDataTxn;
import zkstore.record.Stat;
import zkstore.record.StatPersisted;
import zkstore.record.SubTxn;
import zkstore.record.TxnBody;
import zkstore.record.TxnDigest;
import zkstore.record.TxnHeader;
import zkstore.record.TxnRecord;

/**
 * Field-by-field converters between zkstore's records and ZooKeeper 3.9.3's own classes
 * ({@code org.apache.zookeeper.data.*}, {@code org.apache.zookeeper.txn.*}, {@code FileHeader}), so that
 * tests can hand the same values to both implementations. A multi's sub-txns are serialized with
 * ZooKeeper's own archive ({@link ZooKeeperBytes}), never with zkstore's codec.
 */
public final class ZooKeeperRecords {

    private ZooKeeperRecords() {
    }

    public static org.apache.zookeeper.data.Id toZk(Id id) {
        return new org.apache.zookeeper.data.Id(id.scheme(), id.id());
    }

    public static Id fromZk(org.apache.zookeeper.data.Id id) {
        return new Id(id.getScheme(), id.getId());
    }

    public static ACL toZk(Acl acl) {
        return new ACL(acl.perms(), toZk(acl.id()));
    }

    public static Acl fromZk(ACL acl) {
        return new Acl(acl.getPerms(), fromZk(acl.getId()));
    }

    /** Converts an ACL list; null stays null (a null vector). */
    public static List<ACL> toZkAcls(List<Acl> acls) {
        if (acls == null) {
            return null;
        }
        List<ACL> out = new ArrayList<>(acls.size());
        for (Acl a : acls) {
            out.add(toZk(a));
        }
        return out;
    }

    /** Converts an ACL list; null stays null (a null vector). */
    public static List<Acl> fromZkAcls(List<ACL> acls) {
        if (acls == null) {
            return null;
        }
        List<Acl> out = new ArrayList<>(acls.size());
        for (ACL a : acls) {
            out.add(fromZk(a));
        }
        return out;
    }

    public static org.apache.zookeeper.data.StatPersisted toZk(StatPersisted s) {
        return new org.apache.zookeeper.data.StatPersisted(s.czxid(), s.mzxid(), s.ctime(), s.mtime(), s.version(),
                s.cversion(), s.aversion(), s.ephemeralOwner(), s.pzxid());
    }

    public static StatPersisted fromZk(org.apache.zookeeper.data.StatPersisted s) {
        return new StatPersisted(s.getCzxid(), s.getMzxid(), s.getCtime(), s.getMtime(), s.getVersion(),
                s.getCversion(), s.getAversion(), s.getEphemeralOwner(), s.getPzxid());
    }

    public static org.apache.zookeeper.data.Stat toZk(Stat s) {
        return new org.apache.zookeeper.data.Stat(s.czxid(), s.mzxid(), s.ctime(), s.mtime(), s.version(),
                s.cversion(), s.aversion(), s.ephemeralOwner(), s.dataLength(), s.numChildren(), s.pzxid());
    }

    public static Stat fromZk(org.apache.zookeeper.data.Stat s) {
        return new Stat(s.getCzxid(), s.getMzxid(), s.getCtime(), s.getMtime(), s.getVersion(), s.getCversion(),
                s.getAversion(), s.getEphemeralOwner(), s.getDataLength(), s.getNumChildren(), s.getPzxid());
    }

    public static org.apache.zookeeper.server.persistence.FileHeader toZk(FileHeader h) {
        return new org.apache.zookeeper.server.persistence.FileHeader(h.magic(), h.version(), h.dbid());
    }

    public static FileHeader fromZk(org.apache.zookeeper.server.persistence.FileHeader h) {
        return new FileHeader(h.getMagic(), h.getVersion(), h.getDbid());
    }

    public static org.apache.zookeeper.txn.TxnHeader toZk(TxnHeader h) {
        return new org.apache.zookeeper.txn.TxnHeader(h.clientId(), h.cxid(), h.zxid(), h.time(), h.type());
    }

    public static TxnHeader fromZk(org.apache.zookeeper.txn.TxnHeader h) {
        return new TxnHeader(h.getClientId(), h.getCxid(), h.getZxid(), h.getTime(), h.getType());
    }

    /** Converts a digest; null stays null. */
    public static org.apache.zookeeper.txn.TxnDigest toZk(TxnDigest d) {
        return d == null ? null : new org.apache.zookeeper.txn.TxnDigest(d.version(), d.treeDigest());
    }

    /** Converts a digest; null stays null. */
    public static TxnDigest fromZk(org.apache.zookeeper.txn.TxnDigest d) {
        return d == null ? null : new TxnDigest(d.getVersion(), d.getTreeDigest());
    }

    /**
     * ZooKeeper's record for a body: a legacy create becomes {@code CreateTxnV0}, the body-less
     * closeSession becomes null, a multi's sub-txns are serialized by ZooKeeper's archive.
     */
    public static Record toZkBody(TxnBody body) {
        if (body == null) {
            return null;
        }
        if (body instanceof CreateTxn c) {
            return c.legacyV0()
                    ? new org.apache.zookeeper.txn.CreateTxnV0(c.path(), c.data(), toZkAcls(c.acl()), c.ephemeral())
                    : new org.apache.zookeeper.txn.CreateTxn(c.path(), c.data(), toZkAcls(c.acl()), c.ephemeral(),
                            c.parentCVersion());
        } else if (body instanceof CreateContainerTxn c) {
            return new org.apache.zookeeper.txn.CreateContainerTxn(c.path(), c.data(), toZkAcls(c.acl()),
                    c.parentCVersion());
        } else if (body instanceof CreateTtlTxn c) {
            return new org.apache.zookeeper.txn.CreateTTLTxn(c.path(), c.data(), toZkAcls(c.acl()), c.parentCVersion(),
                    c.ttl());
        } else if (body instanceof DeleteTxn d) {
            return new org.apache.zookeeper.txn.DeleteTxn(d.path());
        } else if (body instanceof SetDataTxn s) {
            return new org.apache.zookeeper.txn.SetDataTxn(s.path(), s.data(), s.version());
        } else if (body instanceof SetAclTxn s) {
            return new org.apache.zookeeper.txn.SetACLTxn(s.path(), toZkAcls(s.acl()), s.version());
        } else if (body instanceof CheckVersionTxn c) {
            return new org.apache.zookeeper.txn.CheckVersionTxn(c.path(), c.version());
        } else if (body instanceof CreateSessionTxn c) {
            return new org.apache.zookeeper.txn.CreateSessionTxn(c.timeOut());
        } else if (body instanceof CloseSessionTxn c) {
            return c.bodyless() ? null : new org.apache.zookeeper.txn.CloseSessionTxn(new ArrayList<>(c.paths2Delete()));
        } else if (body instanceof ErrorTxn e) {
            return new org.apache.zookeeper.txn.ErrorTxn(e.err());
        } else if (body instanceof MultiTxn m) {
            List<org.apache.zookeeper.txn.Txn> txns = new ArrayList<>();
            for (SubTxn t : m.txns()) {
                txns.add(new org.apache.zookeeper.txn.Txn(t.type(), ZooKeeperBytes.serialize(toZkBody(t.body()))));
            }
            return new org.apache.zookeeper.txn.MultiTxn(txns);
        }
        throw new IllegalArgumentException("unknown body " + body);
    }

    /**
     * zkstore's body for ZooKeeper's record of a txn of {@code type}: null for closeSession is the body-less
     * form, a null closeSession path list becomes an empty list (as zkstore reads it), a multi's sub-txn
     * data is parsed by ZooKeeper's classes. A CreateTxn is never marked legacy (ZooKeeper converts V0).
     */
    public static TxnBody fromZkBody(int type, Record r) {
        if (r == null) {
            if (type == zkstore.record.OpCode.CLOSE_SESSION) {
                return CloseSessionTxn.BODYLESS;
            }
            return null;
        }
        if (r instanceof org.apache.zookeeper.txn.CreateTxn c) {
            return new CreateTxn(c.getPath(), c.getData(), fromZkAcls(c.getAcl()), c.getEphemeral(), c.getParentCVersion());
        } else if (r instanceof org.apache.zookeeper.txn.CreateTxnV0 c) {
            return new CreateTxn(c.getPath(), c.getData(), fromZkAcls(c.getAcl()), c.getEphemeral(), -1, true);
        } else if (r instanceof org.apache.zookeeper.txn.CreateContainerTxn c) {
            return new CreateContainerTxn(c.getPath(), c.getData(), fromZkAcls(c.getAcl()), c.getParentCVersion());
        } else if (r instanceof org.apache.zookeeper.txn.CreateTTLTxn c) {
            return new CreateTtlTxn(c.getPath(), c.getData(), fromZkAcls(c.getAcl()), c.getParentCVersion(), c.getTtl());
        } else if (r instanceof org.apache.zookeeper.txn.DeleteTxn d) {
            return new DeleteTxn(d.getPath());
        } else if (r instanceof org.apache.zookeeper.txn.SetDataTxn s) {
            return new SetDataTxn(s.getPath(), s.getData(), s.getVersion());
        } else if (r instanceof org.apache.zookeeper.txn.SetACLTxn s) {
            return new SetAclTxn(s.getPath(), fromZkAcls(s.getAcl()), s.getVersion());
        } else if (r instanceof org.apache.zookeeper.txn.CheckVersionTxn c) {
            return new CheckVersionTxn(c.getPath(), c.getVersion());
        } else if (r instanceof org.apache.zookeeper.txn.CreateSessionTxn c) {
            return new CreateSessionTxn(c.getTimeOut());
        } else if (r instanceof org.apache.zookeeper.txn.CloseSessionTxn c) {
            return new CloseSessionTxn(c.getPaths2Delete() == null ? List.of() : c.getPaths2Delete());
        } else if (r instanceof org.apache.zookeeper.txn.ErrorTxn e) {
            return new ErrorTxn(e.getErr());
        } else if (r instanceof org.apache.zookeeper.txn.MultiTxn m) {
            List<SubTxn> txns = new ArrayList<>();
            for (org.apache.zookeeper.txn.Txn t : m.getTxns()) {
                try {
                    txns.add(new SubTxn(t.getType(), fromZkBody(t.getType(),
                            ZooKeeperBytes.deserializeSubTxn(t.getType(), t.getData()))));
                } catch (IOException e) {
                    throw new UncheckedIOException("ZooKeeper cannot parse sub-txn of type " + t.getType(), e);
                }
            }
            return new MultiTxn(txns);
        }
        throw new IllegalArgumentException("unknown ZooKeeper record " + r.getClass());
    }

    /** zkstore's view of what ZooKeeper's {@code SerializeUtils.deserializeTxn} returned. */
    public static TxnRecord fromZk(TxnLogEntry e) {
        TxnHeader h = fromZk(e.getHeader());
        return new TxnRecord(h, fromZkBody(h.type(), e.getTxn()), fromZk(e.getDigest()));
    }
}
