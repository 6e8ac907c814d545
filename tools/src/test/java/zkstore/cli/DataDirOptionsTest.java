package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.cli.oracle.Scenarios;

/** DATADIR is accepted with or without version-2, with a separate --log-dir, or through --config zoo.cfg. */
class DataDirOptionsTest {
  @TempDir
  Path tmp;

  @Test
  void zooCfgWithSeparateDataLogDirIsReadAsZooKeeperReadsIt() throws Exception {
    Path data = tmp.resolve("data");
    Scenarios.standard(data);
    Path logs = Files.createDirectories(tmp.resolve("logs/version-2"));
    try (var s = Files.list(data.resolve("version-2"))) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith("log.")).toList()) {
        Files.move(p, logs.resolve(p.getFileName()));
      }
    }
    Path cfg = tmp.resolve("zoo.cfg");
    Files.writeString(cfg, "tickTime=2000\n dataDir = " + data + " \ndataLogDir=" + tmp.resolve("logs") + "\nclientPort=2181\n");
    Cli.Result viaCfg = Cli.run("verify", "--config", cfg.toString());
    assertEquals(0, viaCfg.code(), viaCfg.toString());
    assertTrue(viaCfg.out().contains("log.19"), viaCfg.out());
    Cli.Result viaFlags = Cli.run("export", "--json", data.resolve("version-2").toString(), "--log-dir", tmp.resolve("logs").toString());
    assertEquals(0, viaFlags.code(), viaFlags.toString());
    assertEquals(viaFlags.out(), Cli.run("export", "--json", "--config", cfg.toString()).out());
    assertTrue(viaFlags.out().contains("\"path\":\"/last/b\""), viaFlags.out());
  }

  @Test
  void aConfigWithoutDataDirIsUnusable() throws Exception {
    Path cfg = tmp.resolve("zoo.cfg");
    Files.writeString(cfg, "tickTime=2000\n");
    Cli.Result r = Cli.run("verify", "--config", cfg.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("dataDir is not set"), r.toString());
  }
}
