package zkstore.fuzz;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zkstore.record.Acl;
import zkstore.record.StatPersisted;
import zkstore.snapshot.NodeOutput;
import zkstore.snapshot.SnapshotDigest;
import zkstore.snapshot.SnapshotNode;
import zkstore.snapshot.SnapshotReadResult;
import zkstore.snapshot.SnapshotSink;
import zkstore.snapshot.SnapshotSource;

/**
 * Everything a snapshot read delivered, kept in file order (sessions and ACL entries as maps, so a
 * repeated key keeps its last value, as any consumer would), and replayable as a {@link SnapshotSource}.
 */
final class SnapshotContent implements SnapshotSink {

    /** One node as read; data wrapped so that equality compares contents. */
    record Node(String path, ByteBuffer data, long aclKey, StatPersisted stat) {
    }

    final Map<Long, Integer> sessions = new LinkedHashMap<>();
    final Map<Long, List<Acl>> acls = new LinkedHashMap<>();
    final List<Node> nodes = new ArrayList<>();

    @Override
    public void session(long id, int timeoutMs) {
        sessions.put(id, timeoutMs);
    }

    @Override
    public void aclEntry(long key, List<Acl> list) {
        acls.put(key, list);
    }

    @Override
    public void node(SnapshotNode n) {
        nodes.add(new Node(n.path(), n.data() == null ? null : ByteBuffer.wrap(n.data()), n.aclKey(),
                new StatPersisted(n.czxid(), n.mzxid(), n.ctime(), n.mtime(), n.version(), n.cversion(), n.aversion(),
                        n.ephemeralOwner(), n.pzxid())));
    }

    /** The same content as a source for the writer, with the sections the read found. */
    SnapshotSource asSource(SnapshotReadResult read) {
        return new SnapshotSource() {
            @Override
            public long lastProcessedZxid() {
                return read.lastProcessedZxid().orElse(read.nameZxid());
            }

            @Override
            public Map<Long, Integer> sessions() {
                return sessions;
            }

            @Override
            public Map<Long, List<Acl>> aclMap() {
                return acls;
            }

            @Override
            public void walk(NodeOutput out) throws IOException {
                for (Node n : nodes) {
                    out.node(n.path(), n.data() == null ? null : n.data().array(), n.aclKey(), n.stat());
                }
            }

            @Override
            public SnapshotDigest digest() {
                return read.digest() == null ? SnapshotDigest.NONE : read.digest();
            }
        };
    }

    boolean sameAs(SnapshotContent other) {
        return sessions.equals(other.sessions) && acls.equals(other.acls) && nodes.equals(other.nodes);
    }

    /** True if a string holds a character outside the BMP, which ZooKeeper's writer cannot keep. */
    boolean hasSurrogates() {
        return (nodes.toString() + acls).chars().anyMatch(c -> Character.isSurrogate((char) c));
    }

    @Override
    public String toString() {
        return "sessions=" + sessions + " acls=" + acls + " nodes=" + nodes;
    }
}
