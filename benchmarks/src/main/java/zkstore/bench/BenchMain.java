package zkstore.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import zkstore.runtime.JvmFlags;

/**
 * The benchmarks jar's entry point: JMH's own command line, unchanged, except that every fork also
 * gets zkstore's JVM flags ({@link JvmFlags#all()}) through {@code -jvmArgsPrepend}.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    org.openjdk.jmh.Main.main(withZkStoreFlags(args));
  }

  /** The arguments with zkstore's flags added to {@code -jvmArgsPrepend} (merged with one the user gave). */
  static String[] withZkStoreFlags(String[] args) {
    String flags = String.join(" ", JvmFlags.all());
    if (flags.isEmpty()) {
      return args;
    }
    List<String> out = new ArrayList<>(Arrays.asList(args));
    for (int i = 0; i < out.size() - 1; i++) {
      if (out.get(i).equals("-jvmArgsPrepend")) {
        out.set(i + 1, flags + " " + out.get(i + 1));
        return out.toArray(String[]::new);
      }
    }
    out.add(0, flags);
    out.add(0, "-jvmArgsPrepend");
    return out.toArray(String[]::new);
  }
}
