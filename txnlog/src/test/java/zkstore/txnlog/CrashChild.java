package zkstore.txnlog;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Random;
import zkstore.runtime.JvmFlags;

/**
 * The process the crash test kills: opens the log, then appends and commits at full speed, printing
 * {@code ACK <zxid>} after each commit returns. Args: dir, prealloc bytes, roll size bytes, seed.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    JvmFlags.applySystemProperties();
    Path dir = Path.of(args[0]);
    TxnLogConfig cfg = TxnLogConfig.inLogDir(dir).withPreallocBytes(Long.parseLong(args[1]))
        .withRollSizeBytes(Long.parseLong(args[2]));
    Random rnd = new Random(Long.parseLong(args[3]));
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
    TxnLogWriter w = TxnLogWriter.open(cfg);
    long z = Math.max(w.lastZxid(), 0) + 1;
    out.println("READY " + (z - 1));
    while (true) {
      int batch = 1 + rnd.nextInt(rnd.nextBoolean() ? 5 : 200);
      for (int i = 0; i < batch; i++, z++) {
        w.append(CrashTest.txn(z));
      }
      w.commit();
      out.println("ACK " + (z - 1));
      if (rnd.nextInt(500) == 0) {
        w.roll();
      }
    }
  }
}
