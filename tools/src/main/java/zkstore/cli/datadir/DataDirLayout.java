package zkstore.cli.datadir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import zkstore.cli.UnusableInputException;

/**
 * Where a data directory keeps its snapshots and its logs: the two {@code version-2} directories
 * (the same one unless a separate dataLogDir is used).
 */
public record DataDirLayout(Path snapDir, Path logDir) {

  /** The name of the versioned sub-directory ZooKeeper keeps its files in. */
  public static final String VERSION_DIR = "version-2";

  /** What to tell a user whose data dir holds no log file while no separate log dir was given. */
  public static final String SEPARATE_LOG_DIR_HINT = "if dataLogDir is separate, pass --log-dir or --config";

  /** Resolves a data dir and an optional separate log dir, each given with or without version-2. */
  public static DataDirLayout resolve(Path dataDir, Path logDir) {
    Path snap = versionDir(dataDir);
    Path log = logDir == null ? snap : versionDir(logDir);
    if (!holdsZooKeeperFiles(snap) && !holdsZooKeeperFiles(log)) {
      throw new UnusableInputException(dataDir + ": not a ZooKeeper data directory (no version-2, no log.* or snapshot.* files)");
    }
    try {
      if (!ZooKeeperFiles.anyUsable(snap, log)) {
        throw new UnusableInputException(snap + ": no file in it is a ZooKeeper log or snapshot (wrong magic, empty or truncated files)");
      }
    } catch (java.io.IOException e) {
      throw new UnusableInputException(snap + ": cannot read: " + e.getMessage(), e);
    }
    return new DataDirLayout(snap, log);
  }

  /** A layout for a directory that is about to be written (created if absent). */
  public static DataDirLayout forOutput(Path dataDir) throws IOException {
    Path v2 = dataDir.getFileName() != null && dataDir.getFileName().toString().equals(VERSION_DIR)
        ? dataDir : dataDir.resolve(VERSION_DIR);
    Files.createDirectories(v2);
    return new DataDirLayout(v2, v2);
  }

  /** True when snapshots and logs live in different directories. */
  public boolean separateLogDir() {
    return !snapDir.toAbsolutePath().normalize().equals(logDir.toAbsolutePath().normalize());
  }

  private static Path versionDir(Path given) {
    if (!Files.exists(given)) {
      throw new UnusableInputException(given + ": no such file or directory");
    }
    if (!Files.isDirectory(given)) {
      throw new UnusableInputException(given + ": is a file, a data directory was expected");
    }
    Path v2 = given.resolve(VERSION_DIR);
    if (Files.isDirectory(v2)) {
      return v2;
    }
    return given;
  }

  private static boolean holdsZooKeeperFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString())
          .anyMatch(n -> n.startsWith("log.") || n.startsWith("snapshot.") || n.equals("currentEpoch") || n.equals("acceptedEpoch"));
    } catch (IOException e) {
      throw new UnusableInputException(dir + ": cannot list directory: " + e.getMessage(), e);
    }
  }
}
