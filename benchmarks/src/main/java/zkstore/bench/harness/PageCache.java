package zkstore.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The page cache state of a benchmark's input files. A cold read needs their pages evicted: this asks the
 * kernel to drop exactly these files' pages (posix_fadvise DONTNEED, through GNU dd's {@code iflag=nocache}),
 * which needs no root and leaves every other file's cached pages alone.
 */
public final class PageCache {
  private PageCache() {}

  /** Whether a benchmark runs on cold or warm input. */
  public enum State {
    COLD,
    WARM;

    public static State of(String param) {
      return valueOf(param.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Every regular file under {@code dir}, sorted by path. */
  public static List<Path> files(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Total size in bytes of {@code files}. */
  public static long bytes(List<Path> files) {
    long n = 0;
    try {
      for (Path f : files) {
        n += Files.size(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }

  /** Evicts every file's cached pages; fails if the kernel could not be asked. */
  public static void evict(List<Path> files) {
    for (Path f : files) {
      try {
        Process p = new ProcessBuilder("dd", "if=" + f, "iflag=nocache", "count=0", "status=none")
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
          throw new IllegalStateException("cannot evict " + f + " from the page cache (dd iflag=nocache): " + out);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot run dd to evict " + f + " from the page cache", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Reads every file once, so that they are in the page cache. */
  public static void warm(List<Path> files) {
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(1 << 20);
    for (Path f : files) {
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f)) {
        while (ch.read(buf.clear()) > 0) {
          // pages now cached
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
