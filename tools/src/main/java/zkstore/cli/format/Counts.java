package zkstore.cli.format;

/** A count and its noun, as an operator reads it: "1 node", "3 nodes". */
public final class Counts {
  private Counts() {}

  /** {@code n} followed by {@code noun}, with an "s" unless {@code n} is 1. */
  public static String of(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
