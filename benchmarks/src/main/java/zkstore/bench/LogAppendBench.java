package zkstore.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import zkstore.bench.harness.AppendCase;
import zkstore.bench.harness.BenchDirs;
import zkstore.bench.harness.LogScan;
import zkstore.bench.harness.PairCheck;
import zkstore.bench.harness.SameWork;
import zkstore.bench.harness.Side;
import zkstore.bench.harness.Sides;
import zkstore.bench.harness.StoreSide;
import zkstore.bench.harness.StoreSide.LogSettings;
import zkstore.bench.harness.StoreSide.LogWriter;
import zkstore.bench.harness.Work;
import zkstore.bench.workload.SetDataTxns;
import zkstore.bench.workload.Znodes;

/**
 * Txn log append + commit, single writer: one operation is {@code commitEvery} appends of setData
 * txns followed by one commit (txns/s = ops/s x commitEvery). Each iteration writes a fresh log.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(2)
public class LogAppendBench {
  /** Txns appended by each side in the pre-timing check. */
  static final int CHECK_TXNS = 2000;
  static final int TARGETS = 4096;

  @Param({"100B-c1-force", "100B-c10-force", "100B-c100-force", "100B-c1000-force", "100B-c1000-noforce",
      "1KiB-c1-force", "1KiB-c1000-force", "1KiB-c1000-noforce"})
  public String txnCase;

  /** Preallocation step of both logs (ZooKeeper's default 64 MiB). */
  @Param("67108864")
  public long preallocBytes;

  /** zkstore's early write-out of a forced log (off: {@code -p earlyWriteback=false}, to measure what it brings). */
  @Param("true")
  public boolean earlyWriteback;

  private AppendCase c;
  private SetDataTxns txns;
  private LogSettings settings;
  private StoreSide impl;
  private BenchDirs dirs;
  private Path dir;
  private LogWriter writer;
  private long next;
  private long first;

  @Setup(Level.Trial)
  public void checkPair(BenchmarkParams params) {
    c = AppendCase.parse(txnCase);
    txns = new SetDataTxns(c.dataSize(), Znodes.FIRST_ZXID, TARGETS);
    settings = new LogSettings(c.force(), preallocBytes, earlyWriteback);
    dirs = BenchDirs.fromSystemProperties();
    Side side = Side.of(params);
    impl = Sides.of(side);
    int checkTxns = c.commitEvery() == 1 && c.force() ? CHECK_TXNS / 4 : CHECK_TXNS;
    PairCheck.require("LogAppendBench " + txnCase, "log written", side,
        () -> writeAndScan(Sides.of(Side.ZOOKEEPER), dirs, txns, settings, c.commitEvery(), checkTxns),
        () -> writeAndScan(Sides.of(Side.ZKSTORE), dirs, txns, settings, c.commitEvery(), checkTxns));
  }

  /** Appends {@code count} txns committing every {@code commitEvery}, then scans what reached the file. */
  public static Work writeAndScan(StoreSide side, BenchDirs dirs, SetDataTxns txns, LogSettings settings,
      int commitEvery, int count) throws IOException {
    Path d = dirs.newScratch("append-check-");
    try {
      try (LogWriter w = side.openLog(d, txns, settings)) {
        for (int i = 0; i < count; i++) {
          w.append(i);
          if ((i + 1) % commitEvery == 0) {
            w.commit();
          }
        }
        w.commit();
      }
      return LogScan.scanDirectory(d);
    } finally {
      BenchDirs.deleteTree(d);
    }
  }

  @Setup(Level.Iteration)
  public void openLog() throws IOException {
    dir = dirs.newScratch("append-");
    first = next;
    writer = impl.openLog(dir, txns, settings);
  }

  @TearDown(Level.Iteration)
  public void verifyLog() throws IOException {
    writer.close();
    Work written = LogScan.scanDirectory(dir);
    long appended = next - first;
    // Commits happen only at batch ends, so everything appended was committed.
    Work expected = new Work(appended, SetDataTxns.FILE_HEADER_BYTES + appended * txns.recordBytes(),
        written.fingerprint());
    SameWork.require("LogAppendBench " + txnCase, "txns and bytes on disk after the iteration", expected, written);
    BenchDirs.deleteTree(dir);
  }

  @Benchmark
  public void zookeeper() throws IOException {
    batch();
  }

  @Benchmark
  public void zkstore() throws IOException {
    batch();
  }

  private void batch() throws IOException {
    for (int k = 0; k < c.commitEvery(); k++) {
      writer.append(next++);
    }
    writer.commit();
  }
}
