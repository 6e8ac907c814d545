package zkstore.bench.report;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * How a benchmark's raw JMH rounds become the figure a reader compares: a unit, a conversion, and
 * whether higher is better.
 */
record Metric(String unit, boolean higherIsBetter, String source, DoubleUnaryOperator convert) {
  /** Use the primary metric. */
  static final String PRIMARY = "";

  static Metric higher(String unit, DoubleUnaryOperator convert) {
    return new Metric(unit, true, PRIMARY, convert);
  }

  static Metric lower(String unit, DoubleUnaryOperator convert) {
    return new Metric(unit, false, PRIMARY, convert);
  }

  Metric fromSecondary(String name) {
    return new Metric(unit, higherIsBetter, name, convert);
  }

  /** The converted figure of every round of {@code r}. */
  List<Double> rounds(JmhResult r) {
    List<Double> raw = source.isEmpty() ? r.rounds() : r.secondary().get(source);
    if (raw == null) {
      throw new IllegalArgumentException(r.className() + " has no metric " + source);
    }
    return raw.stream().map(convert::applyAsDouble).toList();
  }

  /** Milliseconds per op to seconds. */
  static double seconds(double ms) {
    return ms / 1000;
  }

  String format(double v) {
    return Format.figure(v, unit);
  }
}
