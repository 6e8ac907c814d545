package zkstore.bench.report;

import java.util.Locale;

/** A target from issue 6, and how a row is judged against it. */
sealed interface Target {
  /** zkstore at least {@code min} times ZooKeeper's speed (median of paired rounds). */
  record Speedup(double min) implements Target {
    @Override
    public String text() {
      return String.format(Locale.ROOT, ">= %.1fx ZooKeeper", min);
    }
  }

  /** zkstore's figure at most {@code max} of ZooKeeper's (lower is better, e.g. heap). */
  record Fraction(double max) implements Target {
    @Override
    public String text() {
      return String.format(Locale.ROOT, "<= %.0f%% of ZooKeeper", max * 100);
    }
  }

  /** zkstore's median within {@code slack} of the physical limit ({@code limitName}) measured in the same run. */
  record NearLimit(double slack, String limitName) implements Target {
    @Override
    public String text() {
      return String.format(Locale.ROOT, "within %.0f%% of the %s limit", slack * 100, limitName);
    }
  }

  String text();
}
