package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.server.persistence.FileTxnLog;
import org.apache.zookeeper.server.persistence.TxnLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.cli.oracle.Scenarios;
import zkstore.cli.oracle.ZkOracle;

/** {@code log dump} against ZooKeeper's own TxnLogToolkit on logs ZooKeeper wrote. */
class LogDumpTest {
  @TempDir
  static Path dir;
  static Path v2;
  static long lastZxid;

  @BeforeAll
  static void writeDataDir() throws Exception {
    lastZxid = Scenarios.standard(dir);
    v2 = dir.resolve("version-2");
  }

  static List<Path> logs() throws Exception {
    List<Path> files = new ArrayList<>();
    try (var s = Files.list(v2)) {
      s.filter(p -> p.getFileName().toString().startsWith("log.")).forEach(files::add);
    }
    files.sort(java.util.Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4), 16)));
    return files;
  }

  @Test
  void eachLogFilePrintsExactlyWhatTxnLogToolkitPrints() throws Exception {
    List<Path> files = logs();
    assertTrue(files.size() >= 3, "scenario writes several log files: " + files);
    for (Path f : files) {
      Cli.Result r = Cli.run("log", "dump", f.toString());
      assertEquals(0, r.code(), r.toString());
      assertEquals(ZkOracle.toolkitDump(f), r.out(), f.toString());
    }
  }

  @Test
  void aDataDirPrintsEveryLogInOrderLikeTxnLogToolkitPerFile() throws Exception {
    StringBuilder expected = new StringBuilder();
    for (Path f : logs()) {
      expected.append(ZkOracle.toolkitDump(f));
    }
    assertEquals(expected.toString(), Cli.run("log", "dump", dir.toString()).out());
    assertEquals(expected.toString(), Cli.run("log", "dump", v2.toString()).out());
  }

  @Test
  void jsonCarriesTheSameTxnsInTheSameOrderWithTheSameFields() throws Exception {
    Cli.Result r = Cli.run("log", "dump", "--json", dir.toString());
    assertEquals(0, r.code(), r.toString());
    String[] lines = r.out().split("\n");
    List<String> expected = new ArrayList<>();
    try (TxnLog.TxnIterator it = new FileTxnLog(v2.toFile()).read(1)) {
      do {
        var h = it.getHeader();
        String path = null;
        try {
          path = (String) it.getTxn().getClass().getMethod("getPath").invoke(it.getTxn());
        } catch (NoSuchMethodException none) {
          // bodies without a path
        }
        expected.add("0x" + Long.toHexString(h.getZxid()) + " 0x" + Long.toHexString(h.getClientId()) + " " + h.getCxid()
            + " " + h.getTime() + " " + org.apache.zookeeper.server.Request.op2String(h.getType()) + " " + path
            + " " + (it.getDigest() == null ? "-" : "0x" + Long.toHexString(it.getDigest().getTreeDigest())));
      } while (it.next());
    }
    List<String> actual = new ArrayList<>();
    JsonFactory f = new JsonFactory();
    for (String line : lines) {
      String zxid = null, session = null, type = null, path = null, digest = "-";
      long cxid = 0, time = 0;
      try (JsonParser p = f.createParser(line)) {
        assertEquals(JsonToken.START_OBJECT, p.nextToken());
        int depth = 1;
        while (depth > 0) {
          JsonToken t = p.nextToken();
          if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            if (depth == 1 && "digest".equals(p.currentName())) {
              while (p.nextToken() != JsonToken.END_OBJECT) {
                if ("treeDigest".equals(p.currentName()) && p.currentToken() == JsonToken.VALUE_STRING) {
                  digest = p.getText();
                }
              }
              continue;
            }
            depth++;
          } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
            depth--;
          } else if (depth == 1 && t.isScalarValue()) {
            switch (p.currentName()) {
              case "zxid" -> zxid = p.getText();
              case "session" -> session = p.getText();
              case "cxid" -> cxid = p.getLongValue();
              case "time" -> time = p.getLongValue();
              case "type" -> type = p.getText();
              case "path" -> path = p.getText();
              default -> { }
            }
          }
        }
      }
      actual.add(zxid + " " + session + " " + cxid + " " + time + " " + type + " " + path + " " + digest);
    }
    assertEquals(String.join("\n", expected), String.join("\n", actual));
  }

  @Test
  void filtersSelectByZxidRangeSessionPathAndType() {
    String out = Cli.run("log", "dump", "--json", "--from-zxid", "0x3", "--to-zxid", "5", dir.toString()).out();
    assertEquals(3, out.lines().count(), out);
    out = Cli.run("log", "dump", "--json", "--type", "createSession", dir.toString()).out();
    assertEquals(3, out.lines().count(), out);
    out = Cli.run("log", "dump", "--json", "--session", "0x20000059bb80002", dir.toString()).out();
    assertTrue(out.lines().allMatch(l -> l.contains("\"session\":\"0x20000059bb80002\"")), out);
    out = Cli.run("log", "dump", "--json", "--path", "/app/m1", dir.toString()).out();
    assertTrue(out.lines().count() >= 4 && out.lines().allMatch(l -> l.contains("/app/m1")), out);
  }

  @Test
  void statsCountTxnsAndBytesPerTypeAndSession() {
    Cli.Result r = Cli.run("log", "dump", "--stats", "--json", dir.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("{\"stat\":\"total\",\"count\":" + lastZxid + ","), r.out());
    assertTrue(r.out().contains("{\"stat\":\"type\",\"type\":\"multi\",\"count\":2,"), r.out());
    Cli.Result text = Cli.run("log", "dump", "--stats", dir.toString());
    assertTrue(text.out().contains("by session"), text.out());
  }
}
