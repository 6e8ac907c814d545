package zkstore.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test classpath in a child JVM and returns the lines it printed. For ZooKeeper settings
 * read once per JVM from system properties, such as {@code -Djute.maxbuffer}: the child gets its own.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** The stdout lines of {@code main} run with {@code flags} (JVM options) and {@code args}; it must exit 0. */
  public static List<String> run(List<String> flags, Class<?> main, String... args) throws IOException,
      InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.addAll(flags);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), main.getSimpleName() + " did not finish");
    assertEquals(0, p.exitValue(), main.getSimpleName() + " failed: " + out);
    return List.of(out.strip().split("\\R"));
  }
}
