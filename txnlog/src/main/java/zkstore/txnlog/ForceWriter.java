package zkstore.txnlog;

import java.io.IOException;

/**
 * Group commit: callers wait until everything up to a sequence number is durable. The first waiter
 * becomes the leader and runs one force covering every append made so far; waiters that arrive while it
 * runs share the next force. A failed force is fatal: it and every later wait throw.
 */
final class ForceWriter {
  /** What one force covers and how to run it, captured while appends are paused. */
  interface Batch {
    /** The highest sequence number this force makes durable. */
    long upTo();

    /** Runs the force; called without any lock held, so appends continue meanwhile. */
    void force() throws IOException;
  }

  /** Captures a batch of everything appended so far. */
  interface BatchSource {
    Batch capture() throws IOException;
  }

  private final BatchSource source;
  private long durableUpTo;
  private boolean forcing;
  private volatile IOException failure;
  private long forces;

  ForceWriter(BatchSource source, long durableUpTo) {
    this.source = source;
    this.durableUpTo = durableUpTo;
  }

  /** Returns once everything up to {@code seq} is durable, forcing if nobody else is. */
  void awaitDurable(long seq) throws IOException {
    while (true) {
      synchronized (this) {
        while (true) {
          if (failure != null) {
            throw new LogFailedException("an earlier force of the txn log failed; the log accepts no more writes",
                failure);
          }
          if (durableUpTo >= seq) {
            return;
          }
          if (!forcing) {
            forcing = true;
            break;
          }
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for a txn log force");
          }
        }
      }
      lead();
    }
  }

  private void lead() throws IOException {
    long upTo;
    try {
      Batch batch = source.capture();
      upTo = batch.upTo();
      batch.force();
    } catch (IOException | RuntimeException | Error e) {
      IOException io = e instanceof IOException ioe ? ioe : new IOException("txn log force failed: " + e, e);
      synchronized (this) {
        failure = io;
        forcing = false;
        notifyAll();
      }
      throw new LogFailedException("txn log force failed; the log accepts no more writes", io);
    }
    synchronized (this) {
      durableUpTo = Math.max(durableUpTo, upTo);
      forcing = false;
      forces++;
      notifyAll();
    }
  }

  /** Marks the log failed without a force (e.g. a failed write), so every waiter throws. */
  synchronized void fail(IOException cause) {
    if (failure == null) {
      failure = cause;
    }
    notifyAll();
  }

  /** The failure that made the log unusable, or null (a volatile read: appends check it without the monitor). */
  IOException failure() {
    return failure;
  }

  /** Forces run so far. */
  synchronized long forces() {
    return forces;
  }

  /** The highest durable sequence number. */
  synchronized long durableUpTo() {
    return durableUpTo;
  }
}
