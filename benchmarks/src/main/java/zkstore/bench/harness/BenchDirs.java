package zkstore.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where benchmarks keep generated inputs (reused across forks and runs) and scratch output (deleted
 * after use). One root, chosen by {@code -Dzkstore.bench.dir} (default: {@code java.io.tmpdir/zkstore-bench}).
 */
public record BenchDirs(Path root) {

  /** The directories of this JVM, read once from its system properties. */
  public static BenchDirs fromSystemProperties() {
    String dir = System.getProperty("zkstore.bench.dir");
    Path root = dir != null ? Paths.get(dir) : Paths.get(System.getProperty("java.io.tmpdir"), "zkstore-bench");
    return new BenchDirs(root.toAbsolutePath());
  }

  /** The cache of generated inputs. */
  public InputCache inputs() {
    return new InputCache(root.resolve("inputs"));
  }

  /** A new empty scratch directory; delete it with {@link #deleteTree(Path)}. */
  public Path newScratch(String prefix) {
    try {
      Path scratch = root.resolve("scratch");
      Files.createDirectories(scratch);
      return Files.createTempDirectory(scratch, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a directory tree, if it exists. */
  public static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
