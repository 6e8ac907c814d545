package zkstore.cli.oracle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Copies a data directory tree for tests that must not touch the original. */
public final class DirCopy {
  private DirCopy() {}

  public static Path copy(Path src, Path dst) throws IOException {
    List<Path> all;
    try (var s = Files.walk(src)) {
      all = s.toList();
    }
    for (Path p : all) {
      Path target = dst.resolve(src.relativize(p).toString());
      if (Files.isDirectory(p)) {
        Files.createDirectories(target);
      } else {
        Files.copy(p, target);
      }
    }
    return dst;
  }
}
