package zkstore.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One JMH result: which benchmark class and method, its parameters, mode, unit, and the raw figure of
 * every measured iteration (forks concatenated, in order), primary and secondary.
 */
record JmhResult(String className, String method, Map<String, String> params, String mode, String unit,
    List<Double> rounds, Map<String, List<Double>> secondary, String jvm, String vmVersion, List<String> jvmArgs) {

  /** The pair key: class and parameters, without the side. */
  String key() {
    return className + params;
  }

  boolean hasParam(String name) {
    return params.containsKey(name);
  }

  String param(String name) {
    String v = params.get(name);
    if (v == null) {
      throw new IllegalArgumentException(className + " result has no parameter " + name);
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  static List<JmhResult> fromJson(String text) {
    List<JmhResult> out = new ArrayList<>();
    for (Object o : (List<Object>) Json.parse(text)) {
      Map<String, Object> m = (Map<String, Object>) o;
      String benchmark = (String) m.get("benchmark");
      int dot = benchmark.lastIndexOf('.');
      String cls = benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot);
      Map<String, String> params = new java.util.TreeMap<>();
      Object p = m.get("params");
      if (p != null) {
        ((Map<String, Object>) p).forEach((k, v) -> params.put(k, String.valueOf(v)));
      }
      Map<String, Object> primary = (Map<String, Object>) m.get("primaryMetric");
      Map<String, List<Double>> secondary = new java.util.TreeMap<>();
      Object sec = m.get("secondaryMetrics");
      if (sec != null) {
        ((Map<String, Object>) sec).forEach((k, v) -> secondary.put(k, raw((Map<String, Object>) v)));
      }
      List<String> args = new ArrayList<>();
      Object a = m.get("jvmArgs");
      if (a != null) {
        for (Object x : (List<Object>) a) {
          args.add((String) x);
        }
      }
      out.add(new JmhResult(cls, benchmark.substring(dot + 1), params, (String) m.get("mode"),
          (String) primary.get("scoreUnit"), raw(primary), secondary, (String) m.get("jvm"),
          (String) m.get("vmVersion"), args));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Double> raw(Map<String, Object> metric) {
    List<Double> rounds = new ArrayList<>();
    Object raw = metric.get("rawData");
    if (raw == null) {
      rounds.add((Double) metric.get("score"));
      return rounds;
    }
    for (Object fork : (List<Object>) raw) {
      for (Object v : (List<Object>) fork) {
        rounds.add((Double) v);
      }
    }
    return rounds;
  }
}
