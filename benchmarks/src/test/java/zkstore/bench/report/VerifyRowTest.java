package zkstore.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verify rows: MB/s from each round's time and bytes, cold judged against the same run's cold read. */
class VerifyRowTest {
  static String result(String benchmark, String cache, String ms, String bytes) {
    return ResultsReportTest.result(benchmark, "ss", "ms/op", "\"cache\":\"" + cache + "\"", ms,
        "\"bytes\":{\"score\":1.0,\"scoreUnit\":\"#\",\"rawData\":" + bytes + "}");
  }

  static final String JSON = "[" + String.join(",",
      result("zkstore.bench.VerifyBench.zkstore", "cold", "[[1000.0,1250.0,1100.0]]", "[[1.0E9,1.0E9,1.0E9]]"),
      result("zkstore.bench.VerifyBench.zookeeper", "cold", "[[5000.0,5000.0,5500.0]]", "[[1.0E9,1.0E9,1.0E9]]"),
      result("zkstore.bench.VerifyBench.zkstore", "warm", "[[500.0,500.0]]", "[[1.0E9,1.0E9]]"),
      result("zkstore.bench.VerifyBench.zookeeper", "warm", "[[4000.0,4000.0]]", "[[1.0E9,1.0E9]]"),
      result("zkstore.bench.limits.SequentialReadBench.limit", "cold", "[[1000.0,1000.0,1000.0]]",
          "[[1.0E9,1.0E9,1.0E9]]"),
      result("zkstore.bench.limits.SequentialReadBench.limit", "warm", "[[250.0,250.0]]", "[[1.0E9,1.0E9]]")) + "]";

  List<PairRow> rows() {
    List<JmhResult> results = JmhResult.fromJson(JSON);
    return ResultsReport.rows(results, Limits.from(results));
  }

  PairRow row(String cache) {
    return rows().stream().filter(r -> r.spec().label().contains("page cache " + cache)).findFirst().orElseThrow();
  }

  @Test
  void coldVerifyIsInMegabytesPerSecondAndJudgedAgainstTheColdReadOfTheSameRun() {
    PairRow cold = row("cold");
    assertEquals(1e9 / 1e6 / 1.1, cold.zkstore().median(), 1e-9);
    assertEquals(5.0, cold.ratio().median(), 1e-9);
    assertEquals(1000.0, cold.spec().limit(), 1e-9);
    assertEquals(PairRow.Verdict.MET, cold.verdict(), "909 MB/s is within 10% of 1000 MB/s");
  }

  @Test
  void warmVerifyShowsTheWarmReadWithoutATarget() {
    PairRow warm = row("warm");
    assertEquals(2000.0, warm.zkstore().median(), 1e-9);
    assertEquals(4000.0, warm.spec().limit(), 1e-9);
    assertNull(warm.spec().target());
  }

  @Test
  void limitsTableNamesTheColdRead() {
    String md = ResultsReport.render(JmhResult.fromJson(JSON), 1, "benchmarks/run --quick --only Verify", "2 cores",
        ZonedDateTime.of(2026, 11, 22, 6, 0, 0, 0, ZoneOffset.UTC), "");
    assertTrue(md.contains("| sequential read of VerifyBench's data dir, 1 MiB reads, page cache cold (each file's pages evicted first) | 1,000 MB/s"), md);
    assertTrue(md.contains("within 10% of the disk read limit"), md);
  }
}
