package zkstore.bench.harness;

/**
 * One log-append configuration, written as a JMH parameter such as {@code 100B-c1000-force} or
 * {@code 1KiB-c1-noforce}: data size, appends per commit, and whether a commit forces.
 */
public record AppendCase(int dataSize, int commitEvery, boolean force) {

  /** Parses {@code <100B|1KiB>-c<N>-<force|noforce>}. */
  public static AppendCase parse(String s) {
    String[] parts = s.split("-");
    if (parts.length != 3 || !parts[1].startsWith("c")) {
      throw new IllegalArgumentException("append case must look like 100B-c1000-force: " + s);
    }
    int size = switch (parts[0]) {
      case "100B" -> 100;
      case "1KiB" -> 1024;
      default -> throw new IllegalArgumentException("data size must be 100B or 1KiB: " + s);
    };
    boolean force = switch (parts[2]) {
      case "force" -> true;
      case "noforce" -> false;
      default -> throw new IllegalArgumentException("last part must be force or noforce: " + s);
    };
    return new AppendCase(size, Integer.parseInt(parts[1].substring(1)), force);
  }
}
