package zkstore.engine;

import java.util.Random;

/**
 * ZooKeeper's snapshot trigger (SyncRequestProcessor, FORMATS.md §6): after each logged txn a snapshot is
 * due when the txns since the last one exceed {@code snapCount/2 + randRoll}, or, with a size limit, the log
 * bytes since the last one exceed {@code limit/2 + randSize}. randRoll is uniform in {@code [0, snapCount/2)}
 * and randSize in {@code [0, limit/2)}, both drawn again after every trigger, so the members of an ensemble
 * do not snapshot together. Not thread-safe: the engine calls it under its write lock.
 */
final class SnapshotSchedule {
  private final int snapCount;
  private final long sizeLimitBytes;
  private final Random random;
  private int randRoll;
  private long randSize;
  private int txnsSinceSnapshot;
  private long bytesSinceSnapshot;

  SnapshotSchedule(int snapCount, long sizeLimitBytes, long seed) {
    this.snapCount = Math.max(2, snapCount);
    this.sizeLimitBytes = sizeLimitBytes;
    this.random = new Random(seed);
    redraw();
  }

  private void redraw() {
    randRoll = random.nextInt(snapCount / 2);
    randSize = sizeLimitBytes > 1 ? Math.abs(random.nextLong() % (sizeLimitBytes / 2)) : 0;
  }

  /** Counts one logged txn of {@code frameBytes}; true when a snapshot is due (the counters then restart). */
  boolean txnLogged(long frameBytes) {
    txnsSinceSnapshot++;
    bytesSinceSnapshot += frameBytes;
    boolean due = txnsSinceSnapshot > snapCount / 2 + randRoll
        || (sizeLimitBytes > 0 && bytesSinceSnapshot > sizeLimitBytes / 2 + randSize);
    if (due) {
      txnsSinceSnapshot = 0;
      bytesSinceSnapshot = 0;
      redraw();
    }
    return due;
  }

  /** The current random offset of the txn-count trigger, in {@code [0, snapCount/2)}. */
  int randRoll() {
    return randRoll;
  }

  /** The current random offset of the size trigger, in {@code [0, limit/2)}; 0 without a limit. */
  long randSize() {
    return randSize;
  }
}
