package zkstore.bench.report;

import java.util.List;

/** One row of the results table: a pair's figures, their paired ratio, and the verdict on its target. */
record PairRow(PairSpec spec, Stats zkstore, Stats zookeeper, Stats ratio, Verdict verdict) {

  /** Whether a row meets its target. */
  enum Verdict {
    MET("met"),
    MISSED("**MISSED**"),
    NO_TARGET("-"),
    NOT_MEASURED("not measured");

    final String text;

    Verdict(String text) {
      this.text = text;
    }
  }

  static PairRow of(PairSpec spec, JmhResult zks, JmhResult zk) {
    Metric m = spec.metric();
    Stats zksStats = zks == null ? null : Stats.of(m.rounds(zks));
    Stats zkStats = zk == null ? null : Stats.of(m.rounds(zk));
    Stats ratio = null;
    if (zks != null && zk != null) {
      List<Double> a = m.rounds(zks);
      List<Double> b = m.rounds(zk);
      boolean fraction = spec.target() instanceof Target.Fraction;
      ratio = Stats.of(m.higherIsBetter() || fraction ? Stats.pairedRatios(a, b) : Stats.pairedRatios(b, a));
    }
    return new PairRow(spec, zksStats, zkStats, ratio, judge(spec, zksStats, ratio));
  }

  /**
   * For a missed speed-up target: the figure the target asks of zkstore (the multiple of ZooKeeper's median)
   * when that is above the limit measured in the same run for a writer of zkstore's design (the design limit
   * where the row has one, else the physical limit), so no such writer could meet it here; NaN otherwise.
   */
  double targetAboveLimit() {
    if (verdict != Verdict.MISSED || !(spec.target() instanceof Target.Speedup s) || zookeeper == null) {
      return Double.NaN;
    }
    double limit = Double.isNaN(spec.designLimit()) ? spec.limit() : spec.designLimit();
    double asked = s.min() * zookeeper.median();
    return !Double.isNaN(limit) && asked > limit ? asked : Double.NaN;
  }

  private static Verdict judge(PairSpec spec, Stats zks, Stats ratio) {
    if (spec.target() == null) {
      return Verdict.NO_TARGET;
    }
    if (zks == null) {
      return Verdict.NOT_MEASURED;
    }
    if (spec.target() instanceof Target.NearLimit n) {
      return Double.isNaN(spec.limit()) ? Verdict.NOT_MEASURED
          : zks.median() >= (1 - n.slack()) * spec.limit() ? Verdict.MET : Verdict.MISSED;
    }
    if (ratio == null) {
      return Verdict.NOT_MEASURED;
    }
    if (spec.target() instanceof Target.Fraction f) {
      return ratio.median() <= f.max() ? Verdict.MET : Verdict.MISSED;
    }
    Target.Speedup s = (Target.Speedup) spec.target();
    return ratio.median() >= s.min() ? Verdict.MET : Verdict.MISSED;
  }
}
