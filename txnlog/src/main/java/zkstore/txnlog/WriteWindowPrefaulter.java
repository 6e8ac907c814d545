package zkstore.txnlog;

import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;

/**
 * Faults reserved pages of the write window in from its own thread ({@code MADV_POPULATE_WRITE}), so the
 * appending thread no longer takes the kernel's first-write fault on every new page (about 2.3 us per 4 KiB
 * page here). Prefaulted pages are dirty zeros: a force would write them and the next append fault them
 * again, so for an unforced log it runs up to {@link #AHEAD_BYTES} ahead of the appends, and for a forced log
 * only after each force, over the pages the appends are expected to fill before the next one. It never
 * touches bytes, only page tables, and never goes past the reserved (fallocated) size. It also unmaps the
 * windows the writer has left, which for an unforced log means zapping every dirty page table entry of the
 * window (about 3 ms per 64 MiB).
 */
final class WriteWindowPrefaulter implements AutoCloseable {
  /** How far ahead of the append position pages are faulted in, in bytes (room for the thread to be late). */
  static final long AHEAD_BYTES = 4L << 20;
  /** Bytes faulted per madvise call, and how often the writer asks for more. */
  static final long CHUNK_BYTES = 128L << 10;
  /**
   * Batches smaller than this are not prefaulted after their force: waking this thread costs more than the
   * one or two faults the appender would take (100 B commits of 1: 12,746 -> 9,687 txns/s with it).
   */
  static final long MIN_AFTER_FORCE_BYTES = 16L << 10;

  private final Thread thread;
  private volatile boolean closed;
  private volatile long wanted;
  private WriteWindow window;
  /** The file's reserved (fallocated) size: no page at or past it is faulted in. Written by the appender without the lock. */
  private volatile long reservedEnd;
  private long touched;
  private boolean failed;
  private final ArrayDeque<WriteWindow> left = new ArrayDeque<>();

  WriteWindowPrefaulter() {
    thread = new Thread(this::run, "zkstore-txnlog-prefault");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts faulting pages of {@code w} from {@code from} on, never at or past {@code reservedEnd}. */
  synchronized void follow(WriteWindow w, long from, long reservedEnd) {
    window = w;
    touched = from;
    wanted = from;
    this.reservedEnd = reservedEnd;
  }

  /**
   * The reserved size grew to {@code reservedEnd}. Called on the append path after the space is reserved: a
   * volatile write, so an append never waits for a fault-in in progress (which can wait on the filesystem).
   */
  void reserved(long reservedEnd) {
    this.reservedEnd = reservedEnd;
  }

  /** Stops using window {@code w} and unmaps it on this thread; the writer must not touch it again. */
  synchronized void unmapLater(WriteWindow w) {
    if (window == w) {
      window = null;
    }
    left.add(w);
    LockSupport.unpark(thread);
  }

  /**
   * A force of window {@code w}'s file covered everything below {@code forcedUpTo}: faults in the pages from
   * the next page boundary up to {@code upTo}, none of which that force wrote.
   */
  synchronized void wantAfterForce(WriteWindow w, long forcedUpTo, long upTo) {
    if (window != w || failed) {
      return;
    }
    long from = forcedUpTo + (WriteWindow.PAGE - forcedUpTo % WriteWindow.PAGE) % WriteWindow.PAGE;
    touched = Math.max(touched, from);
    wanted = upTo;
    LockSupport.unpark(thread);
  }

  /** Asks for pages up to file offset {@code upTo} (non-blocking: a volatile write and an unpark). */
  void want(long upTo) {
    wanted = upTo;
    LockSupport.unpark(thread);
  }

  private void run() {
    while (!closed) {
      boolean unmapped = unmapLeftWindows();
      if (!touchNextChunk() && !unmapped) {
        LockSupport.park(this);
      }
    }
  }

  private boolean unmapLeftWindows() {
    boolean any = false;
    WriteWindow w;
    while ((w = nextLeft()) != null) {
      w.unmap();
      any = true;
    }
    return any;
  }

  private synchronized WriteWindow nextLeft() {
    return left.poll();
  }

  private synchronized boolean touchNextChunk() {
    if (window == null || failed) {
      return false;
    }
    long to = Math.min(Math.min(wanted, Math.min(reservedEnd, window.end)), touched + CHUNK_BYTES);
    to -= to % WriteWindow.PAGE;
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
    unmapLeftWindows();
  }
}
