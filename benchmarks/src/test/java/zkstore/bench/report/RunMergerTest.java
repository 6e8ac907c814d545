package zkstore.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zkstore.bench.report.ResultsReportTest.result;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunMergerTest {
  private static final String C1000 = "\"txnCase\":\"100B-c1000-force\",\"preallocBytes\":\"67108864\"";
  private static final String C1 = "\"txnCase\":\"100B-c1-force\",\"preallocBytes\":\"67108864\"";

  private static List<JmhResult> run(String... results) {
    return JmhResult.fromJson("[" + String.join(",", results) + "]");
  }

  private static String zkstore(String params, String raw) {
    return result("zkstore.bench.LogAppendBench.zkstore", "thrpt", "ops/s", params, raw, "");
  }

  private static String zookeeper(String params, String raw) {
    return result("zkstore.bench.LogAppendBench.zookeeper", "thrpt", "ops/s", params, raw, "");
  }

  private static String fsync(String raw) {
    return result("zkstore.bench.limits.FsyncBench.limit", "avgt", "us/op",
        "\"recordBytes\":\"187\",\"preallocation\":\"sparse\"", raw, "");
  }

  private static PairRow row(List<JmhResult> merged, String label) {
    return ResultsReport.rows(merged, Limits.from(merged)).stream().filter(r -> r.spec().label().contains(label))
        .findFirst().orElseThrow();
  }

  @Test
  void passesPoolTheirRoundsAndRatiosPairOnlyRoundsOfOnePass() {
    // Pass 1: zkstore 2x ZooKeeper; pass 2: both sides three times faster, still 3x: pairing across passes
    // (600 against 100, or 200 against 300) would give other ratios.
    List<JmhResult> merged = RunMerger.merge(List.of(
        run(zkstore(C1000, "[[200.0,200.0,200.0]]"), zookeeper(C1000, "[[100.0,100.0,100.0]]")),
        run(zkstore(C1000, "[[600.0,600.0,600.0]]"), zookeeper(C1000, "[[200.0,200.0,200.0]]"))));
    PairRow r = row(merged, "every 1000");
    assertEquals(6, r.zkstore().n());
    assertEquals(400_000.0, r.zkstore().median(), 1e-6, "txns/s: each op of commits of 1000 is 1000 txns");
    assertEquals(6, r.ratio().n());
    assertEquals(2.5, r.ratio().median(), 1e-9);
    assertEquals(2.0, r.ratio().min(), 1e-9);
    assertEquals(3.0, r.ratio().max(), 1e-9);
  }

  @Test
  void aPassWithMoreRoundsOnOneSideGivesBothSidesTheShorterCount() {
    List<JmhResult> merged = RunMerger.merge(List.of(
        run(zkstore(C1000, "[[200.0,200.0,200.0,999.0]]"), zookeeper(C1000, "[[100.0,100.0,100.0]]")),
        run(zkstore(C1000, "[[300.0,300.0,300.0]]"), zookeeper(C1000, "[[100.0,100.0,100.0]]"))));
    PairRow r = row(merged, "every 1000");
    assertEquals(6, r.zkstore().n());
    assertEquals(300_000.0, r.zkstore().max(), 1e-6, "the unpaired 999 is dropped");
    assertEquals(2.5, r.ratio().median(), 1e-9);
  }

  @Test
  void aPassThatMeasuredOneSideOnlyCountsForThatSideButNeverForTheRatio() {
    // The first pass lost its ZooKeeper half (a failed JMH run): its zkstore rounds go after the paired ones.
    List<JmhResult> merged = RunMerger.merge(List.of(
        run(zkstore(C1000, "[[900.0,900.0,900.0]]")),
        run(zkstore(C1000, "[[200.0,200.0,200.0]]"), zookeeper(C1000, "[[100.0,100.0,100.0]]"))));
    PairRow r = row(merged, "every 1000");
    assertEquals(6, r.zkstore().n());
    assertEquals(3, r.ratio().n());
    assertEquals(2.0, r.ratio().max(), 1e-9);
  }

  @Test
  void limitsArePooledOverPassesAndJudgeThePooledRow() {
    // Limit: fsync of 100 us in pass 1, 200 us in pass 2: median of the pooled rounds 150 us = 6,667 commits/s.
    List<JmhResult> merged = RunMerger.merge(List.of(
        run(zkstore(C1, "[[6400.0,6400.0]]"), zookeeper(C1, "[[6000.0,6000.0]]"), fsync("[[100.0,100.0]]")),
        run(zkstore(C1, "[[6300.0,6300.0]]"), zookeeper(C1, "[[6000.0,6000.0]]"), fsync("[[200.0,200.0]]"))));
    Limits limits = Limits.from(merged);
    assertEquals(1e6 / 150, limits.fsyncCommitsPerSec(187), 1e-6);
    PairRow r = row(merged, "every 1,");
    assertEquals(PairRow.Verdict.MET, r.verdict(), "6,350/s is within 5% of 6,667/s");
  }

  @Test
  void theReportSaysHowManyPassesItPooled() {
    List<List<JmhResult>> runs = List.of(
        run(zkstore(C1000, "[[200.0]]"), zookeeper(C1000, "[[100.0]]")),
        run(zkstore(C1000, "[[300.0]]"), zookeeper(C1000, "[[100.0]]")),
        run(zkstore(C1000, "[[400.0]]"), zookeeper(C1000, "[[100.0]]")));
    assertEquals(3, RunMerger.passes(runs));
    String md = ResultsReport.render(RunMerger.merge(runs), RunMerger.passes(runs), "benchmarks/run --quick",
        "2 cores", ZonedDateTime.of(2026, 11, 22, 14, 0, 0, 0, ZoneOffset.UTC), "");
    assertTrue(md.contains("several passes (up to 3"), md);
    assertTrue(md.contains("3.00x [2.00x to 4.00x]"), md);
  }
}
