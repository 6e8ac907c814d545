package zkstore.txnlog;

import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;

/**
 * Prepares reserved pages of the write window from its own thread, so the appending thread no longer takes
 * the kernel's first-write fault on every new page (about 2.3 us per 4 KiB page here). It never touches
 * bytes, only the page cache and page tables, and never goes past the reserved (fallocated) size. It also
 * unmaps the windows the writer has left, which for an unforced log means zapping every dirty page table
 * entry of the window (about 3 ms per 64 MiB).
 *
 * <p>An unforced log has its pages faulted in as writable ({@code MADV_POPULATE_WRITE}) up to
 * {@link #UNFORCED_AHEAD_BYTES} ahead of the appends. A prefaulted page is a dirty page of zeros, so for a
 * forced log (where a force would write it, and the next append would fault it in again) pages are only read
 * into the page cache up to {@link #FORCED_AHEAD_BYTES} ahead ({@code MADV_WILLNEED}, single-page folios,
 * nothing dirtied), and faulted in as writable
 * while each force runs, over the pages the appends are expected to fill before the next one: the committing
 * thread waits in fdatasync meanwhile, where after the force the appends ran into the pages this thread was
 * still faulting in and took most of the faults themselves. Pages the appends
 * have left behind are queued for write-out at once ({@code sync_file_range}), so the disk works while the
 * appends go on and a force waits only for the last of them.
 */
final class WriteWindowPrefaulter implements AutoCloseable {
  /** Forced logs: how far ahead of the append position pages are read into the page cache, in bytes. */
  static final long FORCED_AHEAD_BYTES = 4L << 20;
  /** Forced logs: bytes prepared per madvise call. */
  static final long FORCED_CHUNK_BYTES = 128L << 10;
  /**
   * Unforced logs: how far ahead of the append position pages are faulted in, in bytes. The thread is about
   * as fast per page as the appends, so any stall of it (a large folio read around, a compaction) must be
   * covered by this lead: with 4 MiB the appending thread still took its own faults in two places of every
   * 64 MiB step, 20 to 28 and 44 to 52 MiB after each growth; with 32 MiB those faults are gone.
   */
  static final long UNFORCED_AHEAD_BYTES = 32L << 20;
  /** Unforced logs: bytes faulted in per madvise call, and how often the writer asks for more. */
  static final long UNFORCED_CHUNK_BYTES = 1L << 20;
  /**
   * Batches smaller than this are not prefaulted after their force: waking this thread costs more than the
   * one or two faults the appender would take (100 B commits of 1: 12,746 -> 9,687 txns/s with it).
   */
  static final long MIN_AFTER_FORCE_BYTES = 16L << 10;
  /**
   * Forced logs: the writer reports its position this often, and finished pages are queued for write-out once
   * this many have gathered, so a large commit finds most of its pages written or on their way.
   */
  static final long WRITEBACK_BYTES = 32L << 10;

  private final Thread thread;
  private final boolean forced;
  private final long aheadBytes;
  private final long chunkBytes;
  private final boolean writeback;
  private volatile boolean closed;
  /** Pages below this are to be faulted in as writable. */
  private volatile long wanted;
  /** Forced logs: pages below this are to be read into the page cache. */
  private volatile long cacheWanted;
  private WriteWindow window;
  /** The file's reserved (fallocated) size: no page at or past it is touched. Written by the appender without the lock. */
  private volatile long reservedEnd;
  private long touched;
  private long cached;
  /** Forced logs: every page below this is final (the appends are past it). */
  private volatile long finished;
  /** Forced logs: write-out has been queued for the pages below this. */
  private long writtenBack;
  private boolean writebackFailed;
  private boolean failed;
  private boolean cacheFailed;
  private final ArrayDeque<WriteWindow> left = new ArrayDeque<>();

  /**
   * {@code forced}: the log is forced on commit, so pages ahead are only cached, never dirtied;
   * {@code earlyWriteback}: a forced log's finished pages are queued for write-out as the appends go on.
   */
  WriteWindowPrefaulter(boolean forced, boolean earlyWriteback) {
    this.forced = forced;
    this.aheadBytes = forced ? FORCED_AHEAD_BYTES : UNFORCED_AHEAD_BYTES;
    this.chunkBytes = forced ? FORCED_CHUNK_BYTES : UNFORCED_CHUNK_BYTES;
    this.writeback = forced && earlyWriteback;
    thread = new Thread(this::run, "zkstore-txnlog-prefault");
    thread.setDaemon(true);
    thread.start();
  }

  /** How often, in bytes appended, the writer reports its position with {@link #want(long)}. */
  long reportEveryBytes() {
    return writeback ? WRITEBACK_BYTES : chunkBytes;
  }

  /** Starts preparing pages of {@code w} from {@code from} on, never at or past {@code reservedEnd}. */
  synchronized void follow(WriteWindow w, long from, long reservedEnd) {
    window = w;
    touched = from;
    wanted = from;
    cached = from;
    cacheWanted = from;
    finished = from;
    writtenBack = from;
    this.reservedEnd = reservedEnd;
    if (forced) {
      w.noReadAround();
    }
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
   * A force of window {@code w}'s file is about to make everything below {@code forcedUpTo} durable: faults in
   * the pages from the next page boundary up to {@code upTo} while it runs. They hold only zeros, so a force
   * that finds some of them already faulted in (dirty) merely writes zeros where zeros are.
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

  /**
   * The appends are at file offset {@code position}: pages up to {@link #UNFORCED_AHEAD_BYTES} past it are
   * faulted in (unforced log) or up to {@link #FORCED_AHEAD_BYTES} read into the page cache (forced log), and
   * for a forced log the whole pages below it are final, so their write-out can start. Non-blocking: volatile
   * writes and an unpark.
   */
  void want(long position) {
    long upTo = position + aheadBytes;
    if (forced) {
      finished = position - position % WriteWindow.PAGE;
      cacheWanted = upTo;
    } else {
      wanted = upTo;
    }
    LockSupport.unpark(thread);
  }

  private void run() {
    while (!closed) {
      boolean unmapped = unmapLeftWindows();
      boolean wroteBack = startWriteback();
      if (!touchNextChunk() && !cacheNextChunk() && !unmapped && !wroteBack) {
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
    long to = Math.min(limit(wanted, touched), forced && !cacheFailed ? cached : Long.MAX_VALUE);
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

  /** Forced logs: queues write-out of the pages the appends have finished since the last call. */
  private synchronized boolean startWriteback() {
    if (!writeback || window == null || writebackFailed) {
      return false;
    }
    long from = Math.max(writtenBack, window.base);
    long to = Math.min(finished, window.end);
    if (to - from < WRITEBACK_BYTES) {
      return false;
    }
    if (!window.startWriteback(from, to)) {
      writebackFailed = true;
      return false;
    }
    writtenBack = to;
    return true;
  }

  /**
   * Forced logs: reads the next chunk into the page cache, before any fault there can read a large folio
   * around it. Pages that are faulted in after a force wait for this, so they too are single-page folios.
   */
  private synchronized boolean cacheNextChunk() {
    if (!forced || window == null || cacheFailed) {
      return false;
    }
    long from = Math.max(cached, touched);
    long to = limit(Math.max(cacheWanted, wanted), from);
    if (to <= from) {
      return false;
    }
    if (!window.cacheAhead(from, to)) {
      // From now on faults after a force no longer wait for read-ahead: report work done so the loop goes on.
      cacheFailed = true;
      return true;
    }
    cached = to;
    return true;
  }

  /** The end of the next chunk from {@code from} towards {@code target}, inside the window and the reservation. */
  private long limit(long target, long from) {
    long to = Math.min(Math.min(target, Math.min(reservedEnd, window.end)), from + chunkBytes);
    return to - to % WriteWindow.PAGE;
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
