package zkstore.cli.verify;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent per-file checks on a few daemon threads, the costliest first so the threads finish
 * together, and hands the results back in submission order. Closing cancels whatever has not finished.
 */
final class FileTasks implements AutoCloseable {
  /** One check and its estimated cost (bytes to read, weighted by how much work a byte takes). */
  record Task<T>(Callable<T> work, long cost) {}

  private final ExecutorService pool;

  FileTasks(int threads) {
    AtomicInteger n = new AtomicInteger();
    pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "zkstore-verify-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts every task, costliest first; the futures come back in the order of {@code tasks}. */
  <T> List<Future<T>> start(List<Task<T>> tasks) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong((Integer i) -> tasks.get(i).cost()).reversed());
    List<Future<T>> futures = new ArrayList<>(tasks.size());
    for (int i = 0; i < tasks.size(); i++) {
      futures.add(null);
    }
    for (int i : order) {
      futures.set(i, pool.submit(tasks.get(i).work()));
    }
    return futures;
  }

  /** The result of a started task, with its IOException rethrown as is. */
  static <T> T await(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("verify interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("file check failed", e.getCause());
    }
  }

  /** Cancels unfinished checks and waits for the threads to stop, so no file is still being read on return. */
  @Override
  public void close() {
    pool.shutdownNow();
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
