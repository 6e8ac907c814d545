package zkstore.bench.zookeeper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import zkstore.bench.harness.InputCache;
import zkstore.bench.harness.StoreSide;
import zkstore.bench.harness.StoreSide.LogSettings;
import zkstore.bench.harness.StoreSide.LogWriter;
import zkstore.bench.workload.SetDataTxns;
import zkstore.bench.workload.Znodes;

/**
 * The files the read-side benchmarks share, written once by ZooKeeper's own classes (the format both
 * sides read) and kept in the {@link InputCache}.
 */
public final class ZooKeeperInputs {
  /** ZooKeeper's default preallocation, used for every generated log. */
  public static final long PREALLOC_BYTES = 64L << 20;
  private static final int TARGETS = 4096;

  private final InputCache cache;
  private final ZooKeeperSide zk = new ZooKeeperSide();

  public ZooKeeperInputs(InputCache cache) {
    this.cache = cache;
  }

  /** A directory with one log of {@code count} setData txns of {@code dataSize} bytes. */
  public Path log(int count, int dataSize) {
    return cache.directory("log-" + count + "-" + dataSize, dir -> {
      SetDataTxns txns = new SetDataTxns(dataSize, Znodes.FIRST_ZXID, Math.min(TARGETS, Math.max(count, 1)));
      writeLog(dir, txns, count);
    });
  }

  /** The single log file inside {@link #log(int, int)}. */
  public Path logFile(int count, int dataSize) {
    return log(count, dataSize).resolve("log." + Long.toHexString(Znodes.FIRST_ZXID));
  }

  /** A directory with one snapshot of {@link Znodes}{@code (count, dataSize)}. */
  public Path snapshot(int count, int dataSize) {
    return cache.directory("snapshot-" + count + "-" + dataSize,
        dir -> zk.writeSnapshot(zk.buildTree(new Znodes(count, dataSize)), dir));
  }

  /**
   * A data dir: a snapshot of {@code znodes} leaves, then a log of {@code txns} setData txns on the
   * first {@code min(znodes, 100,000)} leaves, as ZooKeeper would have written them.
   */
  public Path dataDir(int znodes, int txns, int dataSize) {
    return cache.directory("datadir-" + znodes + "-" + txns + "-" + dataSize, dir -> {
      Path v2 = Files.createDirectories(dir.resolve("version-2"));
      Znodes nodes = new Znodes(znodes, dataSize);
      StoreSide.Tree tree = zk.buildTree(nodes);
      zk.writeSnapshot(tree, v2);
      writeLog(v2, new SetDataTxns(dataSize, nodes.lastZxid() + 1, Math.max(1, Math.min(znodes, 100_000))), txns);
    });
  }

  private void writeLog(Path dir, SetDataTxns txns, int count) throws IOException {
    try (LogWriter w = zk.openLog(dir, txns, new LogSettings(false, PREALLOC_BYTES))) {
      for (int i = 0; i < count; i++) {
        w.append(i);
        if (i % 1000 == 999) {
          w.commit();
        }
      }
      w.commit();
    }
  }
}
