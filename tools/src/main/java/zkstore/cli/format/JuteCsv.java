package zkstore.cli.format;

/**
 * ZooKeeper's record {@code toString()} text (jute's CSV archive): {@code '} before strings with
 * {@code , } % NUL CR LF} percent-escaped, {@code #} and sign-extended hex for buffers, {@code T}/{@code F}
 * for booleans, {@code v{...}} for vectors, {@code s{...}} for nested records, a newline after the
 * outermost record.
 */
public final class JuteCsv {
  private final StringBuilder out = new StringBuilder();
  private boolean first = true;
  private int depth;

  /** Starts a record; the outermost one has no braces. */
  public JuteCsv startRecord() {
    if (depth > 0) {
      comma();
      out.append("s{");
      first = true;
    }
    depth++;
    return this;
  }

  /** Ends a record; the outermost one ends with a newline. */
  public JuteCsv endRecord() {
    depth--;
    if (depth == 0) {
      out.append('\n');
      first = true;
    } else {
      out.append('}');
      first = false;
    }
    return this;
  }

  public JuteCsv startVector() {
    comma();
    out.append("v{");
    first = true;
    return this;
  }

  public JuteCsv endVector() {
    out.append('}');
    first = false;
    return this;
  }

  public JuteCsv writeInt(int v) {
    comma();
    out.append(v);
    return this;
  }

  public JuteCsv writeLong(long v) {
    comma();
    out.append(v);
    return this;
  }

  public JuteCsv writeBool(boolean v) {
    comma();
    out.append(v ? 'T' : 'F');
    return this;
  }

  public JuteCsv writeString(String s) {
    comma();
    out.append(string(s));
    return this;
  }

  public JuteCsv writeBuffer(byte[] b) {
    comma();
    out.append(buffer(b));
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** A string as jute's CSV shows it: {@code '} then the text with , } % NUL CR LF escaped; null is empty. */
  public static String string(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 1).append('\'');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\0' -> sb.append("%00");
        case '\n' -> sb.append("%0A");
        case '\r' -> sb.append("%0D");
        case ',' -> sb.append("%2C");
        case '}' -> sb.append("%7D");
        case '%' -> sb.append("%25");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A buffer as jute's CSV shows it: {@code #} then each byte's sign-extended hex; null or empty is empty. */
  public static String buffer(byte[] b) {
    if (b == null || b.length == 0) {
      return "";
    }
    StringBuilder sb = new StringBuilder(b.length * 2 + 1).append('#');
    for (byte x : b) {
      sb.append(Integer.toHexString(x));
    }
    return sb.toString();
  }

  private void comma() {
    if (!first) {
      out.append(',');
    }
    first = false;
  }
}
