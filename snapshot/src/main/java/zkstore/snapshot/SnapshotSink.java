package zkstore.snapshot;

import java.io.IOException;
import java.util.List;
import zkstore.record.Acl;

/**
 * Receives a snapshot's content in file order as the reader verifies it. Throwing a
 * {@link zkstore.jute.FormatException} (e.g. "parent /a not found") makes the reader rethrow it with the
 * file and, unless it names an offset itself (e.g. an earlier record's, from {@link SnapshotNode#offset}),
 * the offset of the record being delivered. Nothing received is final until the read returns: a seal is
 * checked after the nodes.
 */
public interface SnapshotSink {
  /** One session and its timeout in ms. */
  void session(long id, int timeoutMs) throws IOException;

  /** One ACL map entry: key and its ACL list (null if stored as a null vector). */
  void aclEntry(long key, List<Acl> acls) throws IOException;

  /** One node, in file order: a parent always precedes its children in files ZooKeeper writes. */
  void node(SnapshotNode node) throws IOException;

  /** A sink that keeps nothing: reading into it verifies a file. */
  SnapshotSink DISCARD = new SnapshotSink() {
    @Override
    public void session(long id, int timeoutMs) {}

    @Override
    public void aclEntry(long key, List<Acl> acls) {}

    @Override
    public void node(SnapshotNode node) {}
  };
}
