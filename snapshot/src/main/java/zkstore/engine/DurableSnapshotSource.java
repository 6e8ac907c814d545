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
 * A fuzzy snapshot source for the live engine, adding two things to the tree's own source:
 * <ul>
 * <li>The digest section is read under the engine's write lock, so no txn is half applied at that moment: the
 *     (zxid, digest) pair then covers every txn the walk may have seen in part, and a restore that replays up to
 *     that zxid meets the recorded digest exactly.</li>
 * <li>The log is committed before the snapshot is sealed. The writer asks for the digest after the walk and
 *     renames the file into place only after that; every txn whose effect the walk may have seen was logged
 *     before it was applied, so once the commit returns all of them are durable. A snapshot file therefore
 *     never holds a txn that a crash could take out of the log.</li>
 * </ul>
 */
final class DurableSnapshotSource implements SnapshotSource {
  /** Makes every txn logged so far durable; throws if it cannot. */
  interface LogCommit {
    void commit() throws IOException;
  }

  private final SnapshotSource tree;
  private final Object writeLock;
  private final LogCommit logCommit;

  /** @param writeLock the lock the engine holds while it logs and applies one txn */
  DurableSnapshotSource(SnapshotSource tree, Object writeLock, LogCommit logCommit) {
    this.tree = tree;
    this.writeLock = writeLock;
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
    SnapshotDigest digest;
    synchronized (writeLock) {
      digest = tree.digest();
    }
    try {
      logCommit.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("the log could not be committed before sealing the snapshot", e);
    }
    return digest;
  }
}
