package zkstore.cli.format;

/** zxids, session ids and owners as the JSON contract writes them: "0x" + unsigned lowercase hex. */
public final class Hex {
  private Hex() {}

  public static String of(long v) {
    return "0x" + Long.toHexString(v);
  }

  /**
   * Parses {@code 0x..} hex or decimal, as ZooKeeper's {@code Long.decode} does; hex may exceed signed range.
   *
   * @throws NumberFormatException whose message quotes {@code s} and says what was expected
   */
  public static long parse(String s) {
    String t = s.trim();
    try {
      if (t.startsWith("0x") || t.startsWith("0X")) {
        return Long.parseUnsignedLong(t.substring(2), 16);
      }
      if (t.startsWith("#")) {
        return Long.parseUnsignedLong(t.substring(1), 16);
      }
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw new NumberFormatException(
          "'" + s + "' is neither 0x followed by at most 16 hex digits nor a decimal number");
    }
  }
}
