package zkstore.txnlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreallocatorTest {
  @TempDir
  Path dir;

  @Test
  void growthReservesRealBlocksNotASparseHole() throws Exception {
    try (TxnLogWriter w = TxnLogWriter.open(TxnLogConfig.inLogDir(dir).withPreallocBytes(1 << 20))) {
      w.append(Txns.setData(1, 100));
      w.commit();
      assumeTrue(w.preallocationMode() == Preallocator.Mode.FALLOCATE,
          "SKIPPED: fallocate is not available on this filesystem");
    }
    Path f = dir.resolve("log.1");
    assertEquals(16 + (1 << 20), Files.size(f));
    assertTrue(allocatedBytes(f) >= Files.size(f) - 4096, "allocated " + allocatedBytes(f) + " of " + Files.size(f));
  }

  @Test
  void zeroFillFallbackExtendsWithRealZerosAndSaysWhy() throws Exception {
    Preallocator p = new Preallocator(Preallocator.Mode.ZERO_FILL, "fallocate unsupported (test)");
    Path f = dir.resolve("log.1");
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      p.extend(f, ch, 0, 300_000);
    }
    assertEquals(300_000, Files.size(f));
    assertTrue(allocatedBytes(f) >= 300_000);
    for (byte b : Files.readAllBytes(f)) {
      assertEquals(0, b);
    }
    assertEquals("fallocate unsupported (test)", p.fallbackReason());
  }

  static long allocatedBytes(Path f) throws Exception {
    Process p = new ProcessBuilder("stat", "-c", "%b %B", f.toString()).start();
    String[] parts = new String(p.getInputStream().readAllBytes()).trim().split(" ");
    p.waitFor();
    return Long.parseLong(parts[0]) * Long.parseLong(parts[1]);
  }
}
