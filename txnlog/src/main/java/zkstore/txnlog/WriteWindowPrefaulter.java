package zkstore.txnlog;

import java.util.concurrent.locks.LockSupport;

/**
 * Faults the reserved pages ahead of the append position into the write window from its own thread
 * ({@code MADV_POPULATE_WRITE}), so the appending thread no longer takes the kernel's first-write fault on
 * every new page (about 2.3 us per 4 KiB page here). Only for logs that are not forced: the prefaulted pages
 * are dirty zeros, which a force would write and then fault again. It never touches bytes, only page tables,
 * and never goes past the reserved (fallocated) size.
 */
final class WriteWindowPrefaulter implements AutoCloseable {
  /** How far ahead of the append position pages are faulted in, in bytes. */
  static final long AHEAD_BYTES = 1L << 20;
  /** Bytes faulted per madvise call, and how often the writer asks for more. */
  static final long CHUNK_BYTES = 128L << 10;

  private final Thread thread;
  private volatile boolean closed;
  private volatile long wanted;
  private WriteWindow window;
  private long limit;
  private long touched;
  private boolean failed;

  WriteWindowPrefaulter() {
    thread = new Thread(this::run, "zkstore-txnlog-prefault");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts faulting pages of {@code w} from {@code from} on, never at or past {@code reservedEnd}. */
  synchronized void follow(WriteWindow w, long from, long reservedEnd) {
    window = w;
    touched = from;
    limit = Math.min(reservedEnd, w.end);
  }

  /** The reserved size grew to {@code reservedEnd}. */
  synchronized void reserved(long reservedEnd) {
    if (window != null) {
      limit = Math.min(reservedEnd, window.end);
    }
  }

  /** Stops using the current window; returns once no fault-in runs on it, so it may be unmapped. */
  synchronized void detach() {
    window = null;
  }

  /** Asks for pages up to file offset {@code upTo} (non-blocking: a volatile write and an unpark). */
  void want(long upTo) {
    wanted = upTo;
    LockSupport.unpark(thread);
  }

  private void run() {
    while (!closed) {
      if (!touchNextChunk()) {
        LockSupport.park(this);
      }
    }
  }

  private synchronized boolean touchNextChunk() {
    if (window == null || failed) {
      return false;
    }
    long to = Math.min(Math.min(wanted, limit), touched + CHUNK_BYTES);
    to -= to % 4096;
    if (to <= touched) {
      return false;
    }
    if (!window.populateForWrite(touched, to)) {
      failed = true;
      return false;
    }
    touched = to;
    return true;
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
