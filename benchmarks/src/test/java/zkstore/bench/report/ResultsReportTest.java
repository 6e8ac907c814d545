package zkstore.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsReportTest {

  static String result(String benchmark, String mode, String unit, String params, String raw, String secondary) {
    return "{\"jmhVersion\":\"1.37\",\"benchmark\":\"" + benchmark + "\",\"mode\":\"" + mode + "\",\"threads\":1,"
        + "\"forks\":1,\"jvm\":\"/usr/bin/java\",\"jvmArgs\":[\"-Xmx3g\"],\"jdkVersion\":\"17\",\"vmName\":\"x\","
        + "\"vmVersion\":\"17.0.15\",\"params\":{" + params + "},\"primaryMetric\":{\"score\":1.0,"
        + "\"scoreError\":\"NaN\",\"scoreConfidence\":[1,1],\"scorePercentiles\":{\"0.0\":1.0},\"scoreUnit\":\""
        + unit + "\",\"rawData\":" + raw + "},\"secondaryMetrics\":{" + secondary + "}}";
  }

  /** A LogAppendBench result of {@code side} ("zkstore" or "zookeeper") for {@code txnCase}, ops/s rounds. */
  static String append(String side, String txnCase, String raw) {
    return result("zkstore.bench.LogAppendBench." + side, "thrpt", "ops/s",
        "\"txnCase\":\"" + txnCase + "\",\"preallocBytes\":\"67108864\"", raw, "");
  }

  /** An FsyncBench result: {@code records} records of {@code recordBytes} per commit, preallocated {@code way}. */
  static String fsync(int recordBytes, String way, int records, String raw) {
    return result("zkstore.bench.limits.FsyncBench.limit", "avgt", "us/op", "\"recordBytes\":\"" + recordBytes
        + "\",\"preallocation\":\"" + way + "\",\"records\":\"" + records + "\"", raw, "");
  }

  static final String JSON = "[" + String.join(",",
      append("zkstore", "100B-c1000-force", "[[300.0,200.0],[330.0]]"),
      append("zookeeper", "100B-c1000-force", "[[100.0,100.0],[100.0]]"),
      append("zookeeper", "100B-c1-force", "[[5000.0,5000.0]]"),
      append("zkstore", "100B-c1-force", "[[6000.0,6100.0]]"),
      result("zkstore.bench.SnapshotReadBench.zkstore", "ss", "ms/op",
          "\"znodes\":\"1000000\",\"dataSize\":\"100\"", "[[1000.0,1000.0]]", ""),
      result("zkstore.bench.SnapshotReadBench.zookeeper", "ss", "ms/op",
          "\"znodes\":\"1000000\",\"dataSize\":\"100\"", "[[2000.0,2400.0]]", ""),
      result("zkstore.bench.HeapPerZnodeBench.zkstore", "ss", "ms/op",
          "\"znodes\":\"1000000\",\"dataSize\":\"100\"", "[[10.0]]",
          "\"bytesPerZnode\":{\"score\":250.0,\"scoreUnit\":\"#\",\"rawData\":[[250.0]]}"),
      result("zkstore.bench.HeapPerZnodeBench.zookeeper", "ss", "ms/op",
          "\"znodes\":\"1000000\",\"dataSize\":\"100\"", "[[10.0]]",
          "\"bytesPerZnode\":{\"score\":445.0,\"scoreUnit\":\"#\",\"rawData\":[[445.0]]}"),
      result("zkstore.bench.RestoreBench.zookeeper", "ss", "ms/op",
          "\"znodes\":\"1000000\",\"txns\":\"100000\",\"dataSize\":\"100\"", "[[2300.0]]", ""),
      append("zookeeper", "1KiB-c1-force", "[[4000.0,4000.0]]"),
      append("zkstore", "1KiB-c1-force", "[[4500.0,4500.0]]"),
      result("zkstore.bench.limits.FsyncBench.limit", "avgt", "us/op",
          "\"recordBytes\":\"187\",\"preallocation\":\"overwrite\"", "[[160.0,170.0]]", ""),
      result("zkstore.bench.limits.FsyncBench.limit", "avgt", "us/op",
          "\"recordBytes\":\"187\",\"preallocation\":\"sparse\"", "[[180.0,190.0]]", ""),
      result("zkstore.bench.limits.FsyncBench.limit", "avgt", "us/op",
          "\"recordBytes\":\"1111\",\"preallocation\":\"overwrite\"", "[[230.0,240.0]]", ""),
      result("zkstore.bench.limits.FsyncBench.limit", "avgt", "us/op",
          "\"recordBytes\":\"1111\",\"preallocation\":\"sparse\"", "[[200.0,210.0]]", "")) + "]";

  @Test
  void ratioIsTheMedianOfPairedRoundRatios() {
    List<JmhResult> results = JmhResult.fromJson(JSON);
    List<PairRow> rows = ResultsReport.rows(results, Limits.from(results));
    PairRow append1000 = rows.stream().filter(r -> r.spec().label().contains("every 1000")).findFirst().orElseThrow();
    assertEquals(3.0, append1000.ratio().median(), 1e-9);
    assertEquals(2.0, append1000.ratio().min(), 1e-9);
    assertEquals(3.3, append1000.ratio().max(), 1e-9);
    assertEquals(300_000, append1000.zkstore().median(), 1e-6);
    assertEquals(PairRow.Verdict.MET, append1000.verdict());
  }

  @Test
  void timesGiveASpeedupAndHeapGivesAFraction() {
    List<JmhResult> results = JmhResult.fromJson(JSON);
    List<PairRow> rows = ResultsReport.rows(results, Limits.from(results));
    PairRow read = rows.stream().filter(r -> r.spec().label().startsWith("snapshot read")).findFirst().orElseThrow();
    assertEquals(2.2, read.ratio().median(), 1e-9);
    assertEquals(PairRow.Verdict.MISSED, read.verdict());
    PairRow heap = rows.stream().filter(r -> r.spec().label().startsWith("heap")).findFirst().orElseThrow();
    assertEquals(250.0 / 445.0, heap.ratio().median(), 1e-9);
    assertEquals(PairRow.Verdict.MET, heap.verdict());
  }

  @Test
  void forcedCommitsAreJudgedAgainstTheFsyncLimitOfTheirOwnRecordSize() {
    List<JmhResult> results = JmhResult.fromJson(JSON);
    List<PairRow> rows = ResultsReport.rows(results, Limits.from(results));
    PairRow small = rows.stream().filter(r -> r.spec().label().equals("log append, 100 B data, commit every 1, force"))
        .findFirst().orElseThrow();
    assertEquals(1e6 / 165.0, small.spec().limit(), 1e-6);
    assertEquals("one 187 B write + fdatasync per commit", small.spec().limitText());
    assertEquals(PairRow.Verdict.MET, small.verdict());
    PairRow large = rows.stream().filter(r -> r.spec().label().equals("log append, 1 KiB data, commit every 1, force"))
        .findFirst().orElseThrow();
    assertEquals(1e6 / 205.0, large.spec().limit(), 1e-6);
    assertEquals("one 1,111 B write + fdatasync per commit", large.spec().limitText());
    // 4,500 commits/s against a limit of 4,878: 92%, more than 5% short.
    assertEquals(PairRow.Verdict.MISSED, large.verdict());
  }

  @Test
  void unforcedRowsShowTheMappedWriteLimitOfTheirDataSizeButAreJudgedAgainstZooKeeper() {
    String json = "[" + String.join(",",
        append("zkstore", "1KiB-c1000-noforce", "[[900.0,1000.0]]"),
        append("zookeeper", "1KiB-c1000-noforce", "[[300.0,300.0]]"),
        result("zkstore.bench.limits.MappedWriteBench.limit", "thrpt", "ops/s",
            "\"dataSize\":\"1024\"", "[[2000000.0,2200000.0]]", ""),
        result("zkstore.bench.limits.MappedWriteBench.limit", "thrpt", "ops/s",
            "\"dataSize\":\"100\"", "[[9000000.0]]", "")) + "]";
    List<JmhResult> results = JmhResult.fromJson(json);
    Limits limits = Limits.from(results);
    PairRow row = ResultsReport.rows(results, limits).stream()
        .filter(r -> r.spec().label().equals("log append, 1 KiB data, commit every 1000, no force"))
        .findFirst().orElseThrow();
    assertEquals(2_100_000, row.spec().limit(), 1e-6, "the 1 KiB limit, not the 100 B one");
    assertEquals(PairRow.Verdict.MISSED, row.verdict(), "3.17x ZooKeeper is under 5x, whatever the limit");
    assertTrue(Double.isNaN(row.targetAboveLimit()), "5x of 300,000 txns/s is below the limit of 2,100,000");
    StringBuilder md = new StringBuilder();
    limits.write(md);
    String table = md.toString();
    assertTrue(table.contains("| appending pre-encoded log records of 1 KiB data through a mapping"), table);
    assertTrue(table.contains("| appending pre-encoded log records of 100 B data through a mapping"), table);
  }

  @Test
  void theLimitOfASizeIsTheFasterWayOfPreallocatingAndTheTableSaysWhich() {
    List<JmhResult> results = JmhResult.fromJson(JSON);
    Limits limits = Limits.from(results);
    assertEquals(1e6 / 165.0, limits.fsyncCommitsPerSec(187), 1e-6, "overwrite is the faster at 187 B");
    assertEquals(1e6 / 205.0, limits.fsyncCommitsPerSec(1111), 1e-6, "sparse is the faster at 1,111 B");
    StringBuilder md = new StringBuilder();
    limits.write(md);
    assertTrue(md.toString().contains("| 187 B write + fdatasync (FileChannel.force(false)), preallocated zero-filled file | "
        + "165 us [160 us to 170 us] (6,061 commits/s for one writer; the fastest, used as the limit) |"), md.toString());
    assertTrue(md.toString().contains("| 187 B write + fdatasync (FileChannel.force(false)), file padded as ZooKeeper pads"
        + " (a hole) | 185 us [180 us to 190 us] (5,405 commits/s for one writer) |"), md.toString());
  }

  @Test
  void aRunFromBeforeTheSizeParameterCountsAsA100ByteWrite() {
    String old = "[" + result("zkstore.bench.limits.FsyncBench.limit", "avgt", "us/op", "", "[[160.0,170.0]]", "") + "]";
    Limits limits = Limits.from(JmhResult.fromJson(old));
    assertEquals(1e6 / 165.0, limits.fsyncCommitsPerSec(100), 1e-6);
    assertTrue(Double.isNaN(limits.fsyncCommitsPerSec(187)));
  }

  @Test
  void reportSaysPlainlyWhatWasMissedAndWhatWasNotMeasured() {
    String md = ResultsReport.render(JmhResult.fromJson(JSON), 1, "benchmarks/run --quick", "2 cores",
        ZonedDateTime.of(2026, 11, 22, 4, 40, 0, 0, ZoneOffset.UTC), "## Profiles\nsomething");
    assertTrue(md.contains("- MISSED: snapshot read, 1,000,000 znodes of 100 B"), md);
    assertTrue(md.contains("- not measured (the zkstore side did not run): restore, 1,000,000 znodes + 100,000 txns"), md);
    assertTrue(md.contains("`benchmarks/run --quick`"), md);
    assertTrue(md.contains("| 187 B write + fdatasync"), md);
    assertTrue(md.contains("| 1,111 B write + fdatasync"), md);
    assertTrue(md.endsWith("something\n"), md);
  }

  @Test
  void aForcedRowShowsTheLimitOfItsWholeCommitAndAMissAboveThatLimitIsMarked() {
    String json = "[" + String.join(",",
        append("zkstore", "1KiB-c1000-force", "[[700.0,760.0]]"),
        append("zookeeper", "1KiB-c1000-force", "[[370.0,380.0]]"),
        fsync(1111, "overwrite", 1000, "[[400.0,600.0]]"),
        fsync(1111, "fallocate", 1000, "[[1250.0]]"),
        fsync(1111, "sparse", 1000, "[[1400.0]]"),
        append("zkstore", "100B-c1000-force", "[[600.0]]"),
        append("zookeeper", "100B-c1000-force", "[[400.0]]"),
        fsync(187, "overwrite", 1000, "[[300.0]]"))
        + "]";
    List<JmhResult> results = JmhResult.fromJson(json);
    List<PairRow> rows = ResultsReport.rows(results, Limits.from(results));
    PairRow large = rows.stream().filter(r -> r.spec().label().equals("log append, 1 KiB data, commit every 1000, force"))
        .findFirst().orElseThrow();
    assertEquals(1000 * 1e6 / 500.0, large.spec().limit(), 1e-6, "1,000 records per fdatasync, the fastest way");
    assertEquals("one 1,111,000 B write (1,000 records) + fdatasync per commit", large.spec().limitText());
    assertEquals(1000 * 1e6 / 1250.0, large.spec().designLimit(), 1e-6, "into fallocated blocks");
    assertEquals(PairRow.Verdict.MISSED, large.verdict());
    assertEquals(2.5 * 375_000, large.targetAboveLimit(), 1e-6,
        "2.5x ZooKeeper is below the fastest way's 2,000,000 txns/s but above the fallocate way's 800,000");
    PairRow small = rows.stream().filter(r -> r.spec().label().equals("log append, 100 B data, commit every 1000, force"))
        .findFirst().orElseThrow();
    assertEquals(PairRow.Verdict.MISSED, small.verdict());
    assertTrue(Double.isNaN(small.targetAboveLimit()), "2.5x of 400,000 is below the limit of 3,333,333");
    String md = ResultsReport.render(results, 1, "benchmarks/run --quick", "2 cores",
        ZonedDateTime.of(2026, 11, 23, 4, 0, 0, 0, ZoneOffset.UTC), "");
    assertTrue(md.contains("| 2,000,000 txns/s (one 1,111,000 B write (1,000 records) + fdatasync per commit); into blocks"
        + " reserved by fallocate: 800,000 txns/s | >= 2.5x ZooKeeper | **MISSED** (target above the fallocate limit) |"), md);
    assertTrue(md.contains("- MISSED: log append, 1 KiB data, commit every 1000, force: the target asks 937,500 txns/s,"
        + " above the 800,000 txns/s that one 1,111,000 B write (1,000 records) + fdatasync per commit reaches into"
        + " blocks reserved by fallocate and never written, as issue 3 requires zkstore to reserve them (the fastest"
        + " way, 2,000,000 txns/s)"), md);
    assertTrue(md.contains("- MISSED: log append, 100 B data, commit every 1000, force\n"), md);
    assertTrue(md.contains("| 1,111,000 B write + fdatasync (FileChannel.force(false)), blocks reserved by fallocate,"
        + " never written (as zkstore reserves them) | 1250 us"), md);
  }
}
