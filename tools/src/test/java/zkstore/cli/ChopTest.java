package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.cli.oracle.Scenarios;
import zkstore.cli.oracle.ZkOracle;

/** {@code chop} writes the same file and prints the same line as TxnLogToolkit's chop. */
class ChopTest {
  @TempDir
  Path dir;

  @Test
  void chopWritesTheSameBytesAsTxnLogToolkit() throws Exception {
    Scenarios.standard(dir);
    Path log = dir.resolve("version-2/log.d");
    Path theirsDir = Files.createDirectories(dir.resolve("theirs"));
    Path theirLog = Files.copy(log, theirsDir.resolve("log.d"), StandardCopyOption.COPY_ATTRIBUTES);
    String theirOut = ZkOracle.toolkitChop(theirLog, "0x12");
    Cli.Result r = Cli.run("chop", log.toString(), "--zxid", "0x12");
    assertEquals(0, r.code(), r.toString());
    assertEquals(theirOut, r.out());
    assertArrayEquals(Files.readAllBytes(theirsDir.resolve("log.d.chopped18")),
        Files.readAllBytes(dir.resolve("version-2/log.d.chopped18")));
  }

  @Test
  void chopPastTheLastZxidWritesNothingAndExitsOne() throws Exception {
    Scenarios.standard(dir);
    Path log = dir.resolve("version-2/log.d");
    Cli.Result r = Cli.run("chop", log.toString(), "--zxid", "0x1000");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("no txn after zxid 0x1000"), r.err());
    assertFalse(Files.exists(dir.resolve("version-2/log.d.chopped4096")));
  }
}
