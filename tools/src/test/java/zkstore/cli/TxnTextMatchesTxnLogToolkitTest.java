package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.server.persistence.FileTxnLog;
import org.apache.zookeeper.server.persistence.TxnLog;
import org.apache.zookeeper.server.persistence.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.cli.format.TxnText;
import zkstore.cli.oracle.Scenarios;
import zkstore.cli.oracle.ZkOracle;
import zkstore.record.TxnCodec;

/** The one txn printer prints each txn exactly as ZooKeeper's TxnLogToolkit does. */
class TxnTextMatchesTxnLogToolkitTest {
  @TempDir
  Path dir;

  @Test
  void everyTxnTypePrintsAsTxnLogToolkitPrintsIt() throws Exception {
    Scenarios.standard(dir);
    Path v2 = dir.resolve("version-2");
    StringBuilder ours = new StringBuilder();
    StringBuilder theirs = new StringBuilder();
    TxnText text = new TxnText();
    FileTxnLog log = new FileTxnLog(v2.toFile());
    List<Path> files = new ArrayList<>();
    try (var s = java.nio.file.Files.list(v2)) {
      s.filter(p -> p.getFileName().toString().startsWith("log.")).sorted(
          java.util.Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4), 16)))
          .forEach(files::add);
    }
    for (Path f : files) {
      String dump = ZkOracle.toolkitDump(f);
      for (String line : dump.split("\n", -1)) {
        if (!line.startsWith("ZooKeeper Transactional Log File") && !line.startsWith("EOF reached") && !line.isEmpty()) {
          theirs.append(line).append('\n');
        }
      }
    }
    try (TxnLog.TxnIterator it = log.read(1)) {
      do {
        byte[] payload = Util.marshallTxnEntry(it.getHeader(), it.getTxn(), it.getDigest());
        ours.append(text.line(TxnCodec.decodePayload(payload)));
      } while (it.next());
    }
    assertEquals(theirs.toString(), ours.toString());
  }
}
