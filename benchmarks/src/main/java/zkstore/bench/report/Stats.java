package zkstore.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median, min and max of a list of rounds. */
record Stats(double median, double min, double max, int n) {

  static Stats of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    int n = v.size();
    double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    return new Stats(median, v.get(0), v.get(n - 1), n);
  }

  /**
   * Ratios of paired rounds: round i of {@code a} against round i of {@code b}, over as many rounds
   * as both have.
   */
  static List<Double> pairedRatios(List<Double> a, List<Double> b) {
    int n = Math.min(a.size(), b.size());
    List<Double> r = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      r.add(a.get(i) / b.get(i));
    }
    return r;
  }
}
