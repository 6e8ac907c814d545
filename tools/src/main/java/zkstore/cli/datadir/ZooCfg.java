package zkstore.cli.datadir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import zkstore.cli.UnusableInputException;

/**
 * The two settings of a zoo.cfg the offline tools need, read as ZooKeeper reads them: a Java
 * properties file, keys and values trimmed, {@code dataLogDir} defaulting to {@code dataDir}.
 */
public record ZooCfg(Path dataDir, Path dataLogDir) {

  /** Reads {@code file}; fails as unusable input when it is missing or has no {@code dataDir}. */
  public static ZooCfg read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UnusableInputException(file + ": config file does not exist or is not a file");
    }
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new UnusableInputException(file + ": cannot read config: " + e.getMessage(), e);
    }
    String dataDir = trimmed(props, "dataDir");
    if (dataDir == null || dataDir.isEmpty()) {
      throw new UnusableInputException(file + ": dataDir is not set");
    }
    String dataLogDir = trimmed(props, "dataLogDir");
    Path data = Path.of(dataDir);
    return new ZooCfg(data, dataLogDir == null || dataLogDir.isEmpty() ? data : Path.of(dataLogDir));
  }

  private static String trimmed(Properties props, String key) {
    for (String name : props.stringPropertyNames()) {
      if (name.trim().equals(key)) {
        return props.getProperty(name).trim();
      }
    }
    return null;
  }
}
