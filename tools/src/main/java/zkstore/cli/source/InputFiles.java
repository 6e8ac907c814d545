package zkstore.cli.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import zkstore.cli.UnusableInputException;

/** The checks every command makes on a FILE argument before reading it. */
public final class InputFiles {
  private InputFiles() {}

  /** Fails as unusable input when {@code file} is missing, a directory, unreadable or empty. */
  public static void requireReadableFile(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new UnusableInputException(file + ": no such file");
    }
    if (Files.isDirectory(file)) {
      throw new UnusableInputException(file + ": is a directory, a file was expected");
    }
    if (!Files.isReadable(file)) {
      throw new UnusableInputException(file + ": not readable");
    }
    if (Files.size(file) == 0) {
      throw new UnusableInputException(file + " offset 0: zero-length file, not a ZooKeeper file");
    }
  }
}
