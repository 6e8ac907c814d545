package zkstore.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.file.PathUtils;

/**
 * The scratch directory a fuzz target reuses for every input of one JVM. It is deleted, contents and all,
 * when the JVM exits: {@code File.deleteOnExit} would leave it behind, because it only deletes empty directories.
 */
public final class FuzzScratch {
  private FuzzScratch() {}

  /** A new directory under the system temp dir, deleted with everything in it at JVM exit. */
  public static Path create(String prefix) throws IOException {
    return deletedAtExit(Files.createTempDirectory(prefix));
  }

  /** A new directory under {@code parent}, deleted with everything in it at JVM exit. */
  public static Path create(Path parent, String prefix) throws IOException {
    return deletedAtExit(Files.createTempDirectory(parent, prefix));
  }

  private static Path deletedAtExit(Path dir) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        PathUtils.deleteDirectory(dir);
      } catch (IOException | RuntimeException e) {
        System.err.println("could not delete fuzz scratch " + dir + ": " + e);
      }
    }, "delete " + dir));
    return dir;
  }
}
