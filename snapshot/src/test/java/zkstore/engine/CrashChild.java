package zkstore.engine;

import java.io.PrintStream;
import java.nio.file.Path;
import zkstore.record.TxnCodec;
import zkstore.runtime.JvmFlags;

/**
 * The process {@link FuzzySnapshotCrashTest} kills: opens (restores) the engine, regenerates the seeded
 * workload up to the restored zxid, then writes at full speed with a small snapCount so that fuzzy snapshots
 * run constantly, committing batches and printing {@code ACK <zxid>} after each commit returned. The log's
 * native posix binding, slow to load, is warmed in parallel with the restore.
 * Args: dataDir seed snapCount.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    JvmFlags.applySystemProperties();
    Path dir = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    int snapCount = Integer.parseInt(args[2]);
    Thread warm = new Thread(() -> net.openhft.posix.PosixAPI.posix(), "warm-posix");
    warm.setDaemon(true);
    warm.start();
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
    EngineConfig config = EngineConfig.of(dir).withEmptyStart(true).withSnapCount(snapCount)
        .withRollSeed(System.nanoTime());
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
      java.util.Random random = new java.util.Random(seed ^ start);
      while (true) {
        int batch = 1 + random.nextInt(32);
        long last = 0;
        for (int i = 0; i < batch; i++) {
          ZkWorkload.Generated g = workload.next();
          engine.apply(TxnCodec.decodePayload(g.payload()));
          last = g.zxid();
        }
        engine.commit();
        out.println("ACK " + last);
      }
    }
  }
}
