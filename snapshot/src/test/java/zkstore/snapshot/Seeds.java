package zkstore.snapshot;

/** Test seeds: {@code -Dzkstore.seed=N} re-runs one; otherwise a fresh one, printed. */
final class Seeds {
  private Seeds() {}

  static long seed(String test) {
    String fixed = System.getProperty("zkstore.seed");
    long seed = fixed != null ? Long.parseLong(fixed) : System.nanoTime();
    System.out.println(test + ": seed " + seed + " (re-run with -Dzkstore.seed=" + seed + ")");
    return seed;
  }

  static boolean heavy() {
    return Boolean.getBoolean("zkstore.test.heavy");
  }
}
