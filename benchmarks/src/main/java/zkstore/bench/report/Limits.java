package zkstore.bench.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** This machine's physical limits as measured in the same run (medians of rounds). */
final class Limits {
  /**
   * fdatasync after one write, by the write's size in bytes (records per commit times record size) and then the
   * way the file was preallocated.
   */
  final Map<Integer, Map<String, Stats>> fsyncUs = new TreeMap<>();
  Stats seqWriteMiBs;
  final Map<Integer, Stats> adlerGBs = new TreeMap<>();
  Stats scanTxnsPerSec;
  final Map<String, Stats> seqReadMBs = new TreeMap<>();
  /** Pre-encoded frames appended through a mapping per second, by the txns' data size in bytes. */
  final Map<Integer, Stats> mappedWriteTxnsPerSec = new TreeMap<>();

  /** Commits per second one writer can make with one write of {@code recordBytes} + fdatasync each, or NaN. */
  double fsyncCommitsPerSec(int recordBytes) {
    Stats s = fastestFsync(recordBytes);
    return s == null ? Double.NaN : 1e6 / s.median();
  }

  /** As {@link #fsyncCommitsPerSec(int)} for one way of preallocating only, or NaN if not measured. */
  double fsyncCommitsPerSec(int recordBytes, String way) {
    Stats s = fsyncUs.getOrDefault(recordBytes, Map.of()).get(way);
    return s == null ? Double.NaN : 1e6 / s.median();
  }

  /** The limit for writes of {@code recordBytes}: the fastest way of preallocating, or null if not measured. */
  private Stats fastestFsync(int recordBytes) {
    Map<String, Stats> ways = fsyncUs.get(recordBytes);
    return ways == null ? null
        : ways.values().stream().min(java.util.Comparator.comparingDouble(Stats::median)).orElse(null);
  }

  double scanTxnsPerSecMedian() {
    return scanTxnsPerSec == null ? Double.NaN : scanTxnsPerSec.median();
  }

  /** Frames of txns with {@code dataSize} bytes of data a mapped writer appends per second, or NaN. */
  double mappedWriteTxnsPerSec(int dataSize) {
    Stats s = mappedWriteTxnsPerSec.get(dataSize);
    return s == null ? Double.NaN : s.median();
  }

  /** MB/s of reading VerifyBench's files with the page cache {@code cache} ("cold" or "warm"), or NaN. */
  double seqReadMBs(String cache) {
    Stats s = seqReadMBs.get(cache);
    return s == null ? Double.NaN : s.median();
  }

  /** Reads the limit benchmarks out of a run; returns true if {@code r} was one. */
  boolean take(JmhResult r) {
    switch (r.className()) {
      case "FsyncBench" -> {
        // Runs before the size parameter wrote 100 B per commit; before the way parameter, over a zero-filled file.
        int record = r.hasParam("recordBytes") ? Integer.parseInt(r.param("recordBytes")) : 100;
        int bytes = record * (r.hasParam("records") ? Integer.parseInt(r.param("records")) : 1);
        String way = r.hasParam("preallocation") ? r.param("preallocation") : "overwrite";
        fsyncUs.computeIfAbsent(bytes, b -> new TreeMap<>()).put(way, Stats.of(r.rounds()));
      }
      case "SequentialWriteBench" -> {
        double mib = Double.parseDouble(r.param("sizeMiB"));
        seqWriteMiBs = Stats.of(r.rounds().stream().map(ms -> mib / (ms / 1000)).toList());
      }
      case "Adler32Bench" -> {
        int size = Integer.parseInt(r.param("size"));
        adlerGBs.put(size, Stats.of(r.rounds().stream().map(ops -> ops * size / 1e9).toList()));
      }
      case "SequentialReadBench" -> seqReadMBs.put(r.param("cache"),
          Stats.of(Metric.megabytesPerSecond("bytes").rounds(r)));
      case "MappedWriteBench" -> mappedWriteTxnsPerSec.put(Integer.parseInt(r.param("dataSize")),
          Stats.of(r.rounds()));
      case "MappedScanBench" -> {
        double txns = Double.parseDouble(r.param("txns"));
        scanTxnsPerSec = Stats.of(r.rounds().stream().map(ms -> txns / (ms / 1000)).toList());
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /** The physical-limits table. */
  void write(StringBuilder md) {
    md.append("| physical limit | median [min to max] |\n|---|---|\n");
    fsyncUs.forEach((bytes, ways) -> ways.forEach((way, s) -> md.append(String.format(java.util.Locale.ROOT,
            "| %,d B write + fdatasync (FileChannel.force(false)), %s | ", bytes, wayText(way)))
        .append(Format.stats(s, "us")).append(String.format(java.util.Locale.ROOT,
            " (%,.0f commits/s for one writer%s) |%n", 1e6 / s.median(),
            ways.size() > 1 && s == fastestFsync(bytes) ? "; the fastest, used as the limit" : ""))));
    if (seqWriteMiBs != null) {
      md.append("| sequential write, 1 MiB writes, one final fdatasync | ")
          .append(Format.stats(seqWriteMiBs, "MiB/s")).append(" |\n");
    }
    seqReadMBs.forEach((cache, s) -> md.append("| sequential read of VerifyBench's data dir, 1 MiB reads, page cache ")
        .append(cache).append(cache.equals("cold") ? " (each file's pages evicted first)" : "").append(" | ")
        .append(Format.stats(s, "MB/s")).append(" |\n"));
    adlerGBs.forEach((size, s) -> md.append("| Adler32 (java.util.zip) over ").append(size).append(" B | ")
        .append(Format.stats(s, "GB/s")).append(" |\n"));
    mappedWriteTxnsPerSec.forEach((size, s) -> md.append(String.format(java.util.Locale.ROOT,
            "| appending pre-encoded log records of %s data through a mapping of fresh fallocated pages (copy, "
                + "Adler32, no encoding; a second thread faults pages in ahead) | ",
            size == 1024 ? "1 KiB" : size + " B"))
        .append(Format.stats(s, "txns/s")).append(" |\n"));
    if (scanTxnsPerSec != null) {
      md.append("| raw mapped scan of a log with Adler32, no decoding, page cache warm | ")
          .append(Format.stats(scanTxnsPerSec, "txns/s")).append(" |\n");
    }
    md.append('\n');
  }

  private static String wayText(String way) {
    return switch (way) {
      case "sparse" -> "file padded as ZooKeeper pads (a hole)";
      case "fallocate" -> "blocks reserved by fallocate, never written (as zkstore reserves them)";
      default -> "preallocated zero-filled file";
    };
  }

  static Limits from(List<JmhResult> all) {
    Limits l = new Limits();
    for (JmhResult r : all) {
      l.take(r);
    }
    return l;
  }
}
