package zkstore.bench.report;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * How a benchmark's raw JMH rounds become the figure a reader compares: a unit, a conversion, and
 * whether higher is better.
 */
record Metric(String unit, boolean higherIsBetter, String source, DoubleUnaryOperator convert, String bytesSource) {
  /** Use the primary metric. */
  static final String PRIMARY = "";

  static Metric higher(String unit, DoubleUnaryOperator convert) {
    return new Metric(unit, true, PRIMARY, convert, null);
  }

  static Metric lower(String unit, DoubleUnaryOperator convert) {
    return new Metric(unit, false, PRIMARY, convert, null);
  }

  /** MB/s (10^6 bytes) of a single-shot benchmark in ms whose secondary metric {@code bytesMetric} gives each round's bytes. */
  static Metric megabytesPerSecond(String bytesMetric) {
    return new Metric("MB/s", true, PRIMARY, ms -> ms, bytesMetric);
  }

  Metric fromSecondary(String name) {
    return new Metric(unit, higherIsBetter, name, convert, bytesSource);
  }

  /** The converted figure of every round of {@code r}. */
  List<Double> rounds(JmhResult r) {
    List<Double> raw = source.isEmpty() ? r.rounds() : r.secondary().get(source);
    if (raw == null) {
      throw new IllegalArgumentException(r.className() + " has no metric " + source);
    }
    if (bytesSource != null) {
      List<Double> bytes = r.secondary().get(bytesSource);
      if (bytes == null || bytes.size() != raw.size()) {
        throw new IllegalArgumentException(r.className() + " has no per-round metric " + bytesSource);
      }
      return java.util.stream.IntStream.range(0, raw.size())
          .mapToObj(i -> bytes.get(i) / 1e6 / (raw.get(i) / 1000)).toList();
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
