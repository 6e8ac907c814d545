package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.cli.oracle.Scenarios;
import zkstore.cli.oracle.ZkOracle;

/** {@code import} of an {@code export --json} builds a dir that ZooKeeper loads with the exported tree. */
class ImportTest {
  @TempDir
  Path tmp;

  @Test
  void exportThenImportLoadsInZooKeeperWithTheSameTree() throws Exception {
    Path src = tmp.resolve("src");
    Scenarios.standard(src);
    List<String> exported = ExportTest.exportLines(src);
    Path file = tmp.resolve("tree.jsonl");
    Files.write(file, exported);
    Path out = tmp.resolve("imported");
    Cli.Result r = Cli.run("import", file.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals(exported, ZkOracle.restoredTree(out));
    assertEquals(0, Cli.run("verify", out.toString()).code());
  }

  @Test
  void aFileThatIsNotAnExportIsUnusable() throws Exception {
    Path file = tmp.resolve("notes.txt");
    Files.writeString(file, "hello world\n");
    Cli.Result r = Cli.run("import", file.toString(), "--out", tmp.resolve("out").toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals(1, r.err().lines().count(), r.toString());
    assertTrue(r.err().contains("notes.txt"), r.toString());
  }

  @Test
  void aZxidThatIsNoNumberIsNamedWithItsLineAndField() throws Exception {
    Path src = tmp.resolve("src");
    Scenarios.standard(src);
    List<String> lines = new java.util.ArrayList<>(ExportTest.exportLines(src));
    lines.set(2, lines.get(2).replaceFirst("\"mzxid\":\"0x[0-9a-f]+\"", "\"mzxid\":\"0x12g\""));
    Path file = tmp.resolve("tree.jsonl");
    Files.write(file, lines);
    Path out = tmp.resolve("imported");
    Cli.Result r = Cli.run("import", file.toString(), "--out", out.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("tree.jsonl line 3: \"mzxid\": '0x12g' is neither 0x followed by"), r.toString());
    assertTrue(Files.notExists(out), "nothing written for a bad export: " + r);
  }
}
