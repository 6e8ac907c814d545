package zkstore.bench.harness;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import zkstore.bench.workload.SetDataTxns;
import zkstore.bench.workload.TreeOp;
import zkstore.bench.workload.Znodes;

/**
 * Every operation the benchmarks time, as one implementation performs it. Inputs are the neutral
 * workloads of {@code zkstore.bench.workload}; each side translates them to its own records before
 * timing starts, so the timed part is the implementation's own work and nothing else.
 */
public interface StoreSide {

  /** Which implementation this is. */
  Side side();

  /** Opens a new txn log in {@code dir} that appends the txns of {@code txns} by index. */
  LogWriter openLog(Path dir, SetDataTxns txns, LogSettings settings) throws IOException;

  /** Reads every txn of the logs in {@code dir} with full decoding; items are txns. */
  Work readLog(Path dir) throws IOException;

  /** Builds a tree holding {@code znodes} (outside timing). */
  Tree buildTree(Znodes znodes);

  /** Translates a txn sequence to this side's records (outside timing). */
  PreparedOps prepare(List<TreeOp> ops);

  /** Applies prepared txns to a tree, in order. */
  void apply(Tree tree, PreparedOps ops);

  /** Writes a snapshot of {@code tree} (with {@link Znodes#SESSIONS} sessions) into {@code dir}, forced; returns the file. */
  Path writeSnapshot(Tree tree, Path dir) throws IOException;

  /** Reads the newest snapshot in {@code dir} into a new tree. */
  Tree readSnapshot(Path dir) throws IOException;

  /** Restores a ZooKeeper data dir (snapshots and logs in {@code dataDir/version-2}): newest snapshot plus replay. */
  Tree restore(Path dataDir) throws IOException;

  /** Dumps one log file as text, one line per txn, to {@code out}. */
  void dumpLog(Path logFile, PrintStream out) throws Exception;

  /** A txn log open for appending. */
  interface LogWriter extends Closeable {
    /** Appends txn {@code i} of the workload; never waits for the disk. */
    void append(long i) throws IOException;

    /** Makes every appended txn durable (one force when forcing is on). */
    void commit() throws IOException;
  }

  /**
   * Log settings both sides get identically; {@code earlyWriteback} is zkstore's alone (ZooKeeper has no such
   * step) and is on unless a run turns it off to measure what it brings.
   */
  record LogSettings(boolean force, long preallocBytes, boolean earlyWriteback) {
    public LogSettings(boolean force, long preallocBytes) {
      this(force, preallocBytes, true);
    }
  }

  /** A side's tree, seen only through what the checks compare. */
  interface Tree {
    /** ZooKeeper's 3.6+ tree digest. */
    long digest();

    /** Number of znodes, system nodes included. */
    long nodeCount();

    /** Highest zxid applied or restored. */
    long lastZxid();
  }

  /** A side's own records for a txn sequence. */
  interface PreparedOps {
    int size();
  }
}
