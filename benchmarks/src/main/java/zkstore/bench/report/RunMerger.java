package zkstore.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins the JMH runs of one suite run into one result per benchmark: a case measured in several passes
 * (separate JMH runs minutes apart, so that one burst of host noise cannot decide a row) gets the measured
 * rounds of every pass, in run order.
 *
 * <p>The ratio of a pair pairs zkstore's i-th figure with ZooKeeper's i-th, so the runs are joined so that
 * pairing never crosses two runs: a run that measured every method of a case contributes the same number of
 * figures to each (the shorter count), and a run that measured only some of them is appended after all the
 * complete runs, where the pairing no longer reaches.
 */
final class RunMerger {
  private RunMerger() {}

  /** The results of {@code runs} (each one JMH run's results) joined per class, parameters and method. */
  static List<JmhResult> merge(List<List<JmhResult>> runs) {
    Map<String, Set<String>> methodsByKey = new LinkedHashMap<>();
    for (List<JmhResult> run : runs) {
      for (JmhResult r : run) {
        methodsByKey.computeIfAbsent(r.key(), k -> new LinkedHashSet<>()).add(r.method());
      }
    }
    Map<String, Joined> joined = new LinkedHashMap<>();
    List<List<JmhResult>> incomplete = new ArrayList<>();
    for (List<JmhResult> run : runs) {
      Map<String, List<JmhResult>> byKey = new LinkedHashMap<>();
      for (JmhResult r : run) {
        byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
      }
      for (Map.Entry<String, List<JmhResult>> e : byKey.entrySet()) {
        List<JmhResult> results = e.getValue();
        if (results.size() < methodsByKey.get(e.getKey()).size()) {
          incomplete.add(results);
          continue;
        }
        int n = results.stream().mapToInt(r -> r.rounds().size()).min().orElse(0);
        for (JmhResult r : results) {
          joined.computeIfAbsent(id(r), k -> new Joined(r)).add(r, n);
        }
      }
    }
    for (List<JmhResult> results : incomplete) {
      for (JmhResult r : results) {
        joined.computeIfAbsent(id(r), k -> new Joined(r)).add(r, r.rounds().size());
      }
    }
    return joined.values().stream().map(Joined::result).toList();
  }

  /** The most runs (passes) any one case was measured in. */
  static int passes(List<List<JmhResult>> runs) {
    Map<String, Integer> count = new LinkedHashMap<>();
    for (List<JmhResult> run : runs) {
      run.stream().map(JmhResult::key).distinct().forEach(k -> count.merge(k, 1, Integer::sum));
    }
    return count.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  private static String id(JmhResult r) {
    return r.key() + "#" + r.method();
  }

  /** One benchmark method's figures gathered over runs. */
  private static final class Joined {
    private final JmhResult first;
    private final List<Double> rounds = new ArrayList<>();
    private final Map<String, List<Double>> secondary = new LinkedHashMap<>();

    Joined(JmhResult first) {
      this.first = first;
    }

    /** Appends the first {@code n} rounds of {@code r}, and of each of its secondary metrics. */
    void add(JmhResult r, int n) {
      rounds.addAll(r.rounds().subList(0, Math.min(n, r.rounds().size())));
      r.secondary().forEach((name, values) -> secondary.computeIfAbsent(name, k -> new ArrayList<>())
          .addAll(values.subList(0, Math.min(n, values.size()))));
    }

    JmhResult result() {
      return new JmhResult(first.className(), first.method(), first.params(), first.mode(), first.unit(),
          List.copyOf(rounds), new java.util.TreeMap<>(secondary), first.jvm(), first.vmVersion(), first.jvmArgs());
    }
  }
}
