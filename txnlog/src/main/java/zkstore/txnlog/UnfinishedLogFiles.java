package zkstore.txnlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The newest log files of a directory that a crash left without a header ({@link FileScanner#headerNeverWritten()}):
 * empty, cut inside the 16-byte header, or holding only the zeros of blocks whose reservation reached the disk while
 * the header did not. None can hold a committed txn, since a commit forces the header together with the entries.
 * ZooKeeper stops on such a file unless it is the newest, and even then accepts only an empty one, so a writer going
 * on in a file of another name (a new epoch after a restart) removes them first.
 */
final class UnfinishedLogFiles {
  private UnfinishedLogFiles() {}

  /** Removes the unfinished files at the end of {@code dir}'s log, newest first; returns them. */
  static List<Path> removeNewest(Path dir) throws IOException {
    List<LogFile> files = LogFiles.list(dir);
    List<Path> removed = new ArrayList<>();
    for (int i = files.size() - 1; i >= 0 && unfinished(files.get(i)); i--) {
      Files.delete(files.get(i).path());
      removed.add(files.get(i).path());
    }
    return removed;
  }

  private static boolean unfinished(LogFile file) throws IOException {
    try (FileScanner s = new FileScanner(file, LogFormat.DEFAULT_MAX_PAYLOAD)) {
      return s.headerNeverWritten();
    }
  }
}
