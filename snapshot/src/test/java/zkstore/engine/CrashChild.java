package zkstore.engine;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Random;
import zkstore.record.TxnCodec;
import zkstore.runtime.JvmFlags;

/**
 * The process {@link FuzzySnapshotCrashTest} kills: opens (restores) the engine, regenerates the seeded
 * workload up to the restored zxid, then writes at full speed with a small snapCount so that fuzzy snapshots
 * run constantly, committing seeded batches and printing {@code ACK <zxid>} after each commit returned. Once it
 * has applied the txn {@code haltAt} (at once if the restore is already there) it prints {@code HALT <zxid>}
 * and, as {@code mode} says, stops before committing that batch, stops after committing it, or keeps writing;
 * the parent kills it when it reads HALT. The batch sizes come from the seed and the restored zxid, the
 * snapshot trigger's randomisation from {@code rollSeed}. The log's native posix binding, slow to load, is
 * warmed in parallel with the restore.
 * Args: dataDir seed snapCount haltAt mode rollSeed.
 */
public final class CrashChild {
  /** Where the child is when the parent kills it. */
  enum Mode {
    /** Halted with the batch holding the halt txn applied but not committed. */
    HALT_BEFORE_COMMIT,
    /** Halted right after the commit of the batch ending with the halt txn returned. */
    HALT_AFTER_COMMIT,
    /** Still writing: the kill lands wherever the child is when the parent's signal arrives. */
    KEEP_WRITING
  }

  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    JvmFlags.applySystemProperties();
    Path dir = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    int snapCount = Integer.parseInt(args[2]);
    long haltAt = Long.parseLong(args[3]);
    Mode mode = Mode.valueOf(args[4]);
    long rollSeed = Long.parseLong(args[5]);
    Thread warm = new Thread(() -> net.openhft.posix.PosixAPI.posix(), "warm-posix");
    warm.setDaemon(true);
    warm.start();
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
    EngineConfig config = EngineConfig.of(dir).withEmptyStart(true).withSnapCount(snapCount).withRollSeed(rollSeed);
    try (StorageEngine engine = StorageEngine.open(config)) {
      long start = engine.lastZxid();
      ZkWorkload workload = new ZkWorkload(seed);
      while (workload.lastZxid() < start) {
        workload.next();
      }
      if (workload.lastZxid() != start) {
        out.println("ERROR restored zxid " + start + " is not a zxid of the workload");
        System.exit(3);
      }
      out.println("READY " + start);
      boolean halted = start >= haltAt;
      if (halted) {
        halt(out, start, mode);
      }
      Random random = new Random(seed ^ start);
      while (true) {
        int batch = 1 + random.nextInt(32);
        if (!halted) {
          batch = (int) Math.min(batch, haltAt - workload.lastZxid());
        }
        long last = 0;
        for (int i = 0; i < batch; i++) {
          ZkWorkload.Generated g = workload.next();
          engine.apply(TxnCodec.decodePayload(g.payload()));
          last = g.zxid();
        }
        if (!halted && last == haltAt && mode == Mode.HALT_BEFORE_COMMIT) {
          halt(out, last, mode);
        }
        engine.commit();
        out.println("ACK " + last);
        if (!halted && last == haltAt) {
          halted = true;
          halt(out, last, mode);
        }
      }
    }
  }

  /** Says HALT; unless still writing, waits for the kill (or exits at once if the parent is gone). */
  private static void halt(PrintStream out, long zxid, Mode mode) throws java.io.IOException {
    out.println("HALT " + zxid);
    if (mode != Mode.KEEP_WRITING) {
      while (System.in.read() >= 0) {
        // the parent sends nothing; it kills
      }
      Runtime.getRuntime().halt(0);
    }
  }
}
