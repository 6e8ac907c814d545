package zkstore.bench;

import java.nio.file.Files;
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
import zkstore.bench.harness.BenchDirs;
import zkstore.bench.harness.PairCheck;
import zkstore.bench.harness.SameWork;
import zkstore.bench.harness.Side;
import zkstore.bench.harness.Sides;
import zkstore.bench.harness.StoreSide;
import zkstore.bench.harness.Work;
import zkstore.bench.zookeeper.ZooKeeperInputs;

/** Reads a snapshot written by ZooKeeper ({@code znodes} leaves of 100 B, 100 sessions) into a new tree. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 2, jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
public class SnapshotReadBench {
  @Param({"100000", "1000000"})
  public int znodes;

  @Param("100")
  public int dataSize;

  private StoreSide impl;
  private Path dir;
  private long fileBytes;
  private Work reference;
  private StoreSide.Tree last;

  @Setup(Level.Trial)
  public void checkPair(BenchmarkParams params) throws Exception {
    BenchDirs dirs = BenchDirs.fromSystemProperties();
    dir = new ZooKeeperInputs(dirs.inputs()).snapshot(znodes, dataSize);
    try (var files = Files.list(dir)) {
      fileBytes = Files.size(files.filter(p -> p.getFileName().toString().startsWith("snapshot.")).findFirst()
          .orElseThrow());
    }
    Side side = Side.of(params);
    impl = Sides.of(side);
    reference = PairCheck.require("SnapshotReadBench " + znodes, "tree read", side,
        () -> dirs.inputs().reference("snapshot-" + znodes + "-" + dataSize + ".read",
            () -> work(Sides.of(Side.ZOOKEEPER).readSnapshot(dir))),
        () -> work(impl.readSnapshot(dir)));
  }

  private Work work(StoreSide.Tree tree) {
    return new Work(tree.nodeCount(), fileBytes, tree.digest());
  }

  @TearDown(Level.Iteration)
  public void verify() {
    SameWork.require("SnapshotReadBench " + znodes, "tree read in the last iteration", reference, work(last));
    last = null;
  }

  @Benchmark
  public StoreSide.Tree zookeeper() throws Exception {
    return last = impl.readSnapshot(dir);
  }

  @Benchmark
  public StoreSide.Tree zkstore() throws Exception {
    return last = impl.readSnapshot(dir);
  }
}
