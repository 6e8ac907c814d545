package zkstore.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The scratch directory a fuzz target reuses for every input of one JVM. It is deleted, contents and all,
 * when the JVM exits: {@code File.deleteOnExit} would leave it behind, because it only deletes empty directories.
 */
public final class FuzzScratch {
  private FuzzScratch() {}

  /** A new directory under the system temp dir, deleted with everything in it at JVM exit. */
  public static Path create(String prefix) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "delete " + dir));
    return dir;
  }

  /** A new directory under {@code parent}, deleted with everything in it at JVM exit. */
  public static Path create(Path parent, String prefix) throws IOException {
    Path dir = Files.createTempDirectory(parent, prefix);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "delete " + dir));
    return dir;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("could not delete fuzz scratch " + dir + ": " + e);
    }
  }
}
