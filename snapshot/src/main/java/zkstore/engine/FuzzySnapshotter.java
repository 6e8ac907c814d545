package zkstore.engine;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicBoolean;
import zkstore.snapshot.SnapshotSource;
import zkstore.snapshot.SnapshotWriteResult;
import zkstore.snapshot.SnapshotWriter;

/**
 * Writes snapshots in a background thread, one at a time: a request while one is still being written is
 * skipped with a warning (ZooKeeper's "Too busy to snap, skipping"), counted, and the next trigger tries again.
 */
final class FuzzySnapshotter {
  private static final System.Logger LOG = System.getLogger(FuzzySnapshotter.class.getName());

  private final Path snapDir;
  private final SnapshotWriter writer;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<SnapshotWriteResult> last = new AtomicReference<>();
  private final AtomicReference<Throwable> lastFailure = new AtomicReference<>();
  private volatile Thread thread;

  FuzzySnapshotter(Path snapDir, SnapshotWriter writer) {
    this.snapDir = snapDir;
    this.writer = writer;
  }

  /** Starts a snapshot of {@code source} in the background; false (and a warning) if one is still running. */
  boolean start(SnapshotSource source) {
    if (!busy.compareAndSet(false, true)) {
      skipped.incrementAndGet();
      LOG.log(Level.WARNING, "a snapshot is still being written; skipping this one (the log has rolled anyway)");
      return false;
    }
    Thread t = new Thread(() -> {
      try {
        write(source);
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "snapshot failed: " + e.getMessage(), e);
      } finally {
        busy.set(false);
      }
    }, "zkstore-snapshot");
    t.setDaemon(true);
    thread = t;
    t.start();
    return true;
  }

  private SnapshotWriteResult write(SnapshotSource source) throws IOException {
    try {
      SnapshotWriteResult r = writer.write(snapDir, source);
      last.set(r);
      written.incrementAndGet();
      return r;
    } catch (IOException | RuntimeException e) {
      failed.incrementAndGet();
      lastFailure.set(e);
      throw e;
    }
  }

  /** Writes a snapshot in the calling thread once no background one is running. */
  SnapshotWriteResult writeNow(SnapshotSource source) throws IOException {
    while (!busy.compareAndSet(false, true)) {
      awaitIdle();
    }
    try {
      return write(source);
    } finally {
      busy.set(false);
    }
  }

  /** Waits until the background snapshot started last has finished. */
  void awaitIdle() {
    Thread t = thread;
    boolean interrupted = false;
    while (t != null && t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  long written() {
    return written.get();
  }

  long skipped() {
    return skipped.get();
  }

  long failed() {
    return failed.get();
  }

  SnapshotWriteResult last() {
    return last.get();
  }

  Throwable lastFailure() {
    return lastFailure.get();
  }
}
