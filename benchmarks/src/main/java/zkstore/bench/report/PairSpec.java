package zkstore.bench.report;

import java.util.Locale;
import zkstore.bench.harness.AppendCase;
import zkstore.bench.workload.SetDataTxns;

/**
 * What a benchmark pair's row says: its label, the figure compared, the target it is judged by (null
 * if none) and the physical limit that applies (NaN if none), all from one of its results. A forced append
 * row also carries the limit of its write into blocks reserved as zkstore must reserve them ({@code
 * designLimit}, NaN if not measured): the fastest way may be one issue 3 rules out.
 */
record PairSpec(String label, Metric metric, Target target, double limit, String limitText, double designLimit,
    String designLimitText) {

  PairSpec(String label, Metric metric, Target target, double limit, String limitText) {
    this(label, metric, target, limit, limitText, Double.NaN, null);
  }

  /** The spec of the pair {@code r} belongs to, or null if {@code r} is not a pair benchmark. */
  static PairSpec of(JmhResult r, Limits limits) {
    return switch (r.className()) {
      case "LogAppendBench" -> append(r, limits);
      case "LogIterateBench" -> {
        double txns = Double.parseDouble(r.param("txns"));
        yield new PairSpec(String.format(Locale.ROOT, "log iterate, full decode, %,.0f txns of %s B", txns,
            r.param("dataSize")), Metric.higher("txns/s", ms -> txns / (ms / 1000)), new Target.Speedup(5),
            limits.scanTxnsPerSecMedian(), "raw mapped scan");
      }
      case "SnapshotWriteBench" -> simple(String.format(Locale.ROOT, "snapshot write (forced), %,d znodes of %s B",
          Integer.parseInt(r.param("znodes")), r.param("dataSize")), new Target.Speedup(2));
      case "SnapshotReadBench" -> simple(String.format(Locale.ROOT, "snapshot read, %,d znodes of %s B",
          Integer.parseInt(r.param("znodes")), r.param("dataSize")), new Target.Speedup(3));
      case "RestoreBench" -> simple(String.format(Locale.ROOT, "restore, %,d znodes + %,d txns",
          Integer.parseInt(r.param("znodes")), Integer.parseInt(r.param("txns"))), new Target.Speedup(3));
      case "TreeApplyBench" -> {
        double txns = Double.parseDouble(r.param("txns"));
        yield new PairSpec(String.format(Locale.ROOT, "tree apply, %,.0f mixed txns on %,d znodes", txns,
            Integer.parseInt(r.param("znodes"))), Metric.higher("txns/s", ms -> txns / (ms / 1000)), null,
            Double.NaN, null);
      }
      case "HeapPerZnodeBench" -> new PairSpec(String.format(Locale.ROOT, "heap per znode, %,d znodes of %s B",
          Integer.parseInt(r.param("znodes")), r.param("dataSize")),
          Metric.lower("B/znode", b -> b).fromSecondary("bytesPerZnode"), new Target.Fraction(0.60),
          Double.NaN, null);
      case "VerifyBench" -> verify(r, limits);
      case "LogDumpBench" -> simple(String.format(Locale.ROOT, "log dump to a null stream, %,d txns",
          Integer.parseInt(r.param("txns"))), new Target.Speedup(3));
      default -> null;
    };
  }

  /**
   * Verify of the 1 GiB data dir, cold or warm page cache. Cold is judged against the same run's cold
   * sequential read of the same files ("disk speed"); warm shows the warm read with no target.
   */
  private static PairSpec verify(JmhResult r, Limits limits) {
    String cache = r.param("cache");
    boolean cold = cache.equals("cold");
    String label = "verify, ~1 GiB data dir (1M-znode snapshot + 5 logs, 4.64M txns), page cache " + cache
        + "; ZooKeeper: FileTxnIterator over every log + FileSnap load";
    return new PairSpec(label, Metric.megabytesPerSecond("bytes"), cold ? new Target.NearLimit(0.10, "disk read") : null,
        limits.seqReadMBs(cache), "sequential read of the same files, page cache " + cache);
  }

  private static PairSpec simple(String label, Target target) {
    return new PairSpec(label, Metric.lower("s", Metric::seconds), target, Double.NaN, null);
  }

  private static PairSpec append(JmhResult r, Limits limits) {
    AppendCase c = AppendCase.parse(r.param("txnCase"));
    String label = String.format(Locale.ROOT, "log append, %s data, commit every %d, %s",
        c.dataSize() == 100 ? "100 B" : "1 KiB", c.commitEvery(), c.force() ? "force" : "no force");
    Metric m = Metric.higher("txns/s", ops -> ops * c.commitEvery());
    if (!c.force()) {
      return new PairSpec(label, m, new Target.Speedup(5), limits.mappedWriteTxnsPerSec(c.dataSize()),
          "pre-encoded records appended through a mapping");
    }
    int record = new SetDataTxns(c.dataSize(), 0, 1).recordBytes();
    int commitBytes = record * c.commitEvery();
    double limit = c.commitEvery() * limits.fsyncCommitsPerSec(commitBytes);
    String limitText = c.commitEvery() == 1
        ? String.format(Locale.ROOT, "one %,d B write + fdatasync per commit", record)
        : String.format(Locale.ROOT, "one %,d B write (%,d records) + fdatasync per commit", commitBytes,
            c.commitEvery());
    Target target = switch (c.commitEvery()) {
      case 1 -> new Target.NearLimit(0.05, "fsync");
      case 1000 -> new Target.Speedup(2.5);
      default -> null;
    };
    return new PairSpec(label, m, target, limit, limitText,
        c.commitEvery() * limits.fsyncCommitsPerSec(commitBytes, "fallocate"),
        "into blocks reserved by fallocate and never written, as issue 3 requires zkstore to reserve them");
  }
}
