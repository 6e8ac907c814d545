package zkstore.txnlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log on a 2 MiB tmpfs fills up: the writer reports it, the JVM survives, committed txns read back. */
class DiskFullTest {
  @TempDir
  Path tmp;

  Path mount;
  boolean mounted;

  @BeforeEach
  void mountSmallFilesystem() throws Exception {
    mount = Files.createDirectory(tmp.resolve("small"));
    String why = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString());
    mounted = why == null;
    assumeTrue(mounted, "SKIPPED: cannot mount a 2 MiB tmpfs here (needs root): " + why);
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      run("umount", mount.toString());
    }
  }

  @Test
  void fullDiskIsAnErrorAtPreallocationAndEveryCommittedTxnReadsBack() throws Exception {
    TxnLogConfig cfg = TxnLogConfig.inLogDir(mount.resolve("version-2")).withRollSizeBytes(300_000);
    long committed = 0;
    DiskFullException full = null;
    try (TxnLogWriter w = TxnLogWriter.open(cfg)) {
      try {
        for (long z = 1; z < 1_000_000; z++) {
          w.append(Txns.setData(z, 1000));
          if (z % 10 == 0) {
            w.commit();
            committed = z;
          }
        }
      } catch (DiskFullException e) {
        full = e;
      }
      assertTrue(full != null, "the disk never filled");
      System.out.println("disk full after " + w.lastZxid() + " txns: " + full.getMessage());
      assertTrue(full.usableBytes() >= 0 && full.usableBytes() < 64 * 1024, full.getMessage());
      assertTrue(full.getMessage().contains("usable space"), full.getMessage());
      w.commit();
      committed = w.lastZxid();
    }
    assertEquals(committed, Txns.readAll(cfg.dir(), 1).size());
    try (TxnLogReader r = TxnLogReader.open(cfg.dir(), 1)) {
      while (r.next()) {
        assertEquals(Txns.setData(r.zxid(), 1000), r.record());
      }
      assertTrue(r.outcome() instanceof CleanEnd, String.valueOf(r.outcome()));
    }
  }

  private static String run(String... cmd) throws Exception {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "timed out";
      }
      return p.exitValue() == 0 ? null : out.trim();
    } catch (java.io.IOException e) {
      return e.getMessage();
    }
  }
}
