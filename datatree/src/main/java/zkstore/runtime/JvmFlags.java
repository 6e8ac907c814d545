package zkstore.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The JVM flags zkstore needs (module access for Chronicle, its analytics off), read from the one list
 * the parent pom defines. Child JVMs (crash tests, JMH forks) start with {@link #all()}; a process that
 * is already running calls {@link #applySystemProperties()} before it touches Chronicle.
 */
public final class JvmFlags {
  private static final List<String> FLAGS = load();

  private JvmFlags() {}

  /** Every flag, in the order the pom lists them. */
  public static List<String> all() {
    return FLAGS;
  }

  /** Sets each {@code -Dkey=value} flag as a system property unless the caller set it already. */
  public static void applySystemProperties() {
    for (String flag : FLAGS) {
      if (flag.startsWith("-D")) {
        int eq = flag.indexOf('=');
        String key = eq < 0 ? flag.substring(2) : flag.substring(2, eq);
        String value = eq < 0 ? "true" : flag.substring(eq + 1);
        if (System.getProperty(key) == null) {
          System.setProperty(key, value);
        }
      }
    }
  }

  private static List<String> load() {
    try (InputStream in = JvmFlags.class.getResourceAsStream("/zkstore/jvm.properties")) {
      if (in == null) {
        throw new IllegalStateException("zkstore/jvm.properties is missing from the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      String flags = p.getProperty("flags", "").trim();
      return flags.isEmpty() ? List.of() : List.copyOf(Arrays.asList(flags.split("\\s+")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read zkstore/jvm.properties", e);
    }
  }
}
