package zkstore.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Generated benchmark inputs (logs, snapshots, data dirs) and their reference {@link Work}, built
 * once per key and reused by every fork. A directory appears under its key only when complete.
 */
public final class InputCache {
  /** Builds an input into an empty directory. */
  @FunctionalInterface
  public interface Generator {
    void generate(Path dir) throws IOException;
  }

  /** Computes a reference work figure. */
  @FunctionalInterface
  public interface WorkSource {
    Work compute() throws Exception;
  }

  /** Bump when a reference's definition changes, so stale cached figures are never compared against. */
  static final int REFERENCE_VERSION = 2;

  private final Path dir;

  InputCache(Path dir) {
    this.dir = dir;
  }

  /** The directory holding input {@code key}, generated first if missing. */
  public Path directory(String key, Generator generator) {
    Path target = dir.resolve(key);
    if (Files.isDirectory(target)) {
      return target;
    }
    Path tmp = dir.resolve(key + ".partial-" + ProcessHandle.current().pid());
    try {
      BenchDirs.deleteTree(tmp);
      Files.createDirectories(tmp);
      generator.generate(tmp);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      BenchDirs.deleteTree(tmp);
      throw new UncheckedIOException("cannot generate benchmark input " + target, e);
    }
  }

  /** The reference work stored for {@code key}, computed and stored first if missing. */
  public Work reference(String key, WorkSource source) {
    Path file = dir.resolve(key + ".v" + REFERENCE_VERSION + ".work");
    try {
      if (Files.exists(file)) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
          p.load(in);
        }
        return new Work(Long.parseLong(p.getProperty("items")), Long.parseLong(p.getProperty("bytes")),
            Long.parseUnsignedLong(p.getProperty("fingerprint"), 16));
      }
      Work work = source.compute();
      Properties p = new Properties();
      p.setProperty("items", Long.toString(work.items()));
      p.setProperty("bytes", Long.toString(work.bytes()));
      p.setProperty("fingerprint", Long.toHexString(work.fingerprint()));
      Files.createDirectories(dir);
      Path tmp = dir.resolve(key + ".work.partial-" + ProcessHandle.current().pid());
      try (OutputStream out = Files.newOutputStream(tmp)) {
        p.store(out, "reference work, computed with ZooKeeper's classes");
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      return work;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read or compute reference work " + file, e);
    }
  }
}
