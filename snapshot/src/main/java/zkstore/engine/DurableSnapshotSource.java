package zkstore.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import zkstore.record.Acl;
import zkstore.snapshot.NodeOutput;
import zkstore.snapshot.SnapshotDigest;
import zkstore.snapshot.SnapshotSource;

/**
 * A fuzzy snapshot source that commits the log before the snapshot is sealed. The writer asks for the digest
 * after the walk and renames the file into place only after that; every txn whose effect the walk may have
 * seen was logged before it was applied, so once the commit returns all of them are durable. A snapshot
 * file therefore never holds a txn that a crash could take out of the log.
 */
final class DurableSnapshotSource implements SnapshotSource {
  /** Makes every txn logged so far durable; throws if it cannot. */
  interface LogCommit {
    void commit() throws IOException;
  }

  private final SnapshotSource tree;
  private final LogCommit logCommit;

  DurableSnapshotSource(SnapshotSource tree, LogCommit logCommit) {
    this.tree = tree;
    this.logCommit = logCommit;
  }

  @Override
  public long lastProcessedZxid() {
    return tree.lastProcessedZxid();
  }

  @Override
  public Map<Long, Integer> sessions() {
    return tree.sessions();
  }

  @Override
  public Map<Long, List<Acl>> aclMap() {
    return tree.aclMap();
  }

  @Override
  public void walk(NodeOutput out) throws IOException {
    tree.walk(out);
  }

  @Override
  public SnapshotDigest digest() {
    SnapshotDigest digest = tree.digest();
    try {
      logCommit.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("the log could not be committed before sealing the snapshot", e);
    }
    return digest;
  }
}
