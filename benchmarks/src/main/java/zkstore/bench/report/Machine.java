package zkstore.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/** A one-line description of the machine: cores, CPU model, memory, OS. */
final class Machine {
  private Machine() {}

  static String describe() {
    String cpu = "unknown CPU";
    String mem = "unknown memory";
    try {
      List<String> info = Files.readAllLines(Paths.get("/proc/cpuinfo"));
      cpu = info.stream().filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse(cpu);
      List<String> meminfo = Files.readAllLines(Paths.get("/proc/meminfo"));
      mem = meminfo.stream().filter(l -> l.startsWith("MemTotal")).map(l -> {
        long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
      }).findFirst().orElse(mem);
    } catch (IOException | RuntimeException e) {
      // Not Linux: keep the unknowns.
    }
    return Runtime.getRuntime().availableProcessors() + " cores (nproc), " + cpu + ", " + mem + " RAM, "
        + System.getProperty("os.name") + " " + System.getProperty("os.version");
  }
}
