package zkstore.bench.report;

import java.util.Locale;

/** Number formatting for RESULTS.md. */
final class Format {
  private Format() {}

  static String figure(double v, String unit) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return switch (unit) {
      case "s" -> String.format(Locale.ROOT, "%.3f s", v);
      case "us" -> String.format(Locale.ROOT, "%.0f us", v);
      case "GB/s", "MiB/s", "MB/s" -> String.format(Locale.ROOT, v >= 100 ? "%,.0f %s" : "%.1f %s", v, unit);
      default -> String.format(Locale.ROOT, "%,.0f %s", v, unit);
    };
  }

  static String ratio(Stats s, boolean fraction) {
    String f = fraction ? "%.2f" : "%.2fx";
    return String.format(Locale.ROOT, f + " [" + f + " to " + f + "]", s.median(), s.min(), s.max());
  }

  static String stats(Stats s, String unit) {
    return figure(s.median(), unit) + " [" + figure(s.min(), unit) + " to " + figure(s.max(), unit) + "]";
  }
}
