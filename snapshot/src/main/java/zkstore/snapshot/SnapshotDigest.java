package zkstore.snapshot;

/**
 * The digest section: the zxid of the last txn applied when the tree walk finished, the digest algorithm
 * version (2 in every release) and the tree digest after that txn. {@code (0, 2, 0)} when no txn had a digest.
 */
public record SnapshotDigest(long zxid, int version, long digest) {
  /** The digest version every ZooKeeper release writes. */
  public static final int CURRENT_VERSION = 2;

  /** What ZooKeeper writes when it has not recorded any digest yet. */
  public static final SnapshotDigest NONE = new SnapshotDigest(0, CURRENT_VERSION, 0);
}
