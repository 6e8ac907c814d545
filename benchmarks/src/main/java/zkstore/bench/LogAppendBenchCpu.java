package zkstore.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import zkstore.bench.harness.AppendCase;
import zkstore.bench.harness.BenchDirs;
import zkstore.bench.harness.Side;
import zkstore.bench.harness.Sides;
import zkstore.bench.harness.StoreSide;
import zkstore.bench.harness.StoreSide.LogSettings;
import zkstore.bench.workload.SetDataTxns;
import zkstore.bench.workload.Znodes;
import zkstore.runtime.JvmFlags;

/**
 * {@link LogAppendBench}'s work measured as CPU time of the appending thread (ThreadMXBean, user + system, so
 * page faults and syscalls count; time waiting for a force does not) and the page-cache bytes each txn dirtied
 * (what the disk must write), both sides alternating in one JVM. For
 * comparing changes on a shared, loaded machine, where the JMH wall-clock rates are not trustworthy:
 * {@code java -cp benchmarks/target/benchmarks.jar zkstore.bench.LogAppendBenchCpu 100B-c1000-noforce [txns] [reps]}
 * (it re-runs itself in a child JVM with zkstore's JVM flags).
 */
public final class LogAppendBenchCpu {
  private static final String CHILD = "zkstore.bench.cpu.child";
  /** LogAppendBench's default preallocation (ZooKeeper's 64 MiB), the same for both sides. */
  private static final long PREALLOC_BYTES = 64L << 20;

  private LogAppendBenchCpu() {}

  public static void main(String[] args) throws Exception {
    JvmFlags.applySystemProperties();
    if (!Boolean.getBoolean(CHILD)) {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(JvmFlags.all());
      cmd.add("-D" + CHILD + "=true");
      cmd.add("-Dzkstore.bench.dir=" + System.getProperty("zkstore.bench.dir", "/tmp/zkstore-bench"));
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), LogAppendBenchCpu.class.getName()));
      cmd.addAll(Arrays.asList(args));
      System.exit(new ProcessBuilder(cmd).inheritIO().start().waitFor());
    }
    if (args.length < 1) {
      System.err.println("usage: LogAppendBenchCpu <txnCase, e.g. 100B-c1000-noforce> [txns per rep, 300000] [reps, 12]");
      System.exit(2);
    }
    AppendCase c = AppendCase.parse(args[0]);
    int txns = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 12;
    SetDataTxns workload = new SetDataTxns(c.dataSize(), Znodes.FIRST_ZXID, LogAppendBench.TARGETS);
    LogSettings settings = new LogSettings(c.force(), PREALLOC_BYTES);
    BenchDirs dirs = BenchDirs.fromSystemProperties();
    double[][] cpu = new double[2][reps];
    double[][] wall = new double[2][reps];
    double[][] disk = new double[2][reps];
    long next = 0;
    for (int r = 0; r < reps; r++) {
      for (Side side : List.of(Side.ZOOKEEPER, Side.ZKSTORE)) {
        long[] t = run(Sides.of(side), dirs, workload, settings, c.commitEvery(), next, txns);
        next += txns;
        cpu[side.ordinal()][r] = t[0] / 1e3 / txns;
        wall[side.ordinal()][r] = t[1] / 1e3 / txns;
        disk[side.ordinal()][r] = t[2] < 0 ? Double.NaN : (double) t[2] / txns;
      }
    }
    int skip = reps / 3;
    for (Side side : List.of(Side.ZOOKEEPER, Side.ZKSTORE)) {
      double[] cs = sortedTail(cpu[side.ordinal()], skip);
      double[] ws = sortedTail(wall[side.ordinal()], skip);
      double[] ds = sortedTail(disk[side.ordinal()], skip);
      System.out.printf("%s %s: thread CPU us/txn min %.3f median %.3f | wall us/txn min %.3f median %.3f"
          + " | dirtied bytes/txn median %.0f%n", args[0], side, cs[0], cs[cs.length / 2], ws[0], ws[ws.length / 2],
          ds[ds.length / 2]);
    }
    double zk = sortedTail(cpu[Side.ZOOKEEPER.ordinal()], skip)[(reps - skip) / 2];
    double ours = sortedTail(cpu[Side.ZKSTORE.ordinal()], skip)[(reps - skip) / 2];
    System.out.printf("%s: ZooKeeper needs %.2fx the CPU per txn of zkstore (medians, first %d reps dropped)%n",
        args[0], zk / ours, skip);
  }

  private static long[] run(StoreSide side, BenchDirs dirs, SetDataTxns workload, LogSettings settings,
      int commitEvery, long first, int count) throws IOException {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Path dir = dirs.newScratch("append-cpu-");
    try {
      long cpu0;
      long wall0;
      long cpu1;
      long wall1;
      long disk0;
      long disk1;
      try (StoreSide.LogWriter w = side.openLog(dir, workload, settings)) {
        disk0 = processWriteBytes();
        cpu0 = mx.getCurrentThreadCpuTime();
        wall0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
          w.append(first + i);
          if ((i + 1) % commitEvery == 0) {
            w.commit();
          }
        }
        w.commit();
        cpu1 = mx.getCurrentThreadCpuTime();
        wall1 = System.nanoTime();
        disk1 = processWriteBytes();
      }
      return new long[] {cpu1 - cpu0, wall1 - wall0, disk0 < 0 || disk1 < 0 ? -1 : disk1 - disk0};
    } finally {
      BenchDirs.deleteTree(dir);
    }
  }

  /**
   * Page-cache bytes this process has dirtied so far ({@code write_bytes} of /proc/self/io, which Linux counts
   * when a page is dirtied, a whole folio at a time), or -1 where Linux does not say: what the forces and
   * write-back of the run must write. Process-wide, because zkstore's prefault thread dirties pages too; the
   * two sides run one after the other.
   */
  private static long processWriteBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
        if (line.startsWith("write_bytes:")) {
          return Long.parseLong(line.substring("write_bytes:".length()).trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private static double[] sortedTail(double[] v, int skip) {
    double[] t = Arrays.copyOfRange(v, skip, v.length);
    Arrays.sort(t);
    return t;
  }
}
