package zkstore.cli.datadir;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import zkstore.cli.UnusableInputException;

/**
 * The DATADIR argument shared by every command that reads a whole data directory: the directory
 * (with or without its version-2), an optional separate {@code --log-dir}, or {@code --config zoo.cfg}.
 */
public final class DataDirOptions {

  @Parameters(index = "0", arity = "0..1", paramLabel = "DATADIR",
      description = "ZooKeeper dataDir (with or without version-2); omit when --config is given.")
  Path dataDir;

  @Option(names = "--log-dir", paramLabel = "DIR", description = "Separate dataLogDir (default: DATADIR).")
  Path logDir;

  @Option(names = "--config", paramLabel = "ZOO_CFG", description = "Read dataDir and dataLogDir from this zoo.cfg.")
  Path config;

  /** The directories named on the command line, resolved and checked. */
  public DataDirLayout layout() {
    if (config != null) {
      if (dataDir != null) {
        throw new UnusableInputException("give either DATADIR or --config, not both");
      }
      ZooCfg cfg = ZooCfg.read(config);
      return DataDirLayout.resolve(cfg.dataDir(), logDir != null ? logDir : cfg.dataLogDir());
    }
    if (dataDir == null) {
      throw new UnusableInputException("missing DATADIR (or --config zoo.cfg)");
    }
    return DataDirLayout.resolve(dataDir, logDir);
  }

  /** The single file named as DATADIR, or null when a directory (or --config) was given. */
  public Path singleFile() {
    if (config == null && dataDir != null && java.nio.file.Files.isRegularFile(dataDir)) {
      return dataDir;
    }
    return null;
  }

  /** The path as the user named it, for messages. */
  public String describe() {
    return config != null ? config.toString() : String.valueOf(dataDir);
  }
}
