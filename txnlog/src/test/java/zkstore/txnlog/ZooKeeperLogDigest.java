package zkstore.txnlog;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.zip.CRC32;
import org.apache.zookeeper.server.persistence.FileTxnLog;
import org.apache.zookeeper.server.persistence.TxnLog.TxnIterator;
import org.apache.zookeeper.server.persistence.Util;

/**
 * Child JVM main: reads a log directory with ZooKeeper's FileTxnLog, configured by this JVM's system properties
 * (such as {@code -Djute.maxbuffer}), and prints one line per txn, {@code zxid payloadLength crc32}, then
 * {@code end} or {@code failed <message>}.
 */
public final class ZooKeeperLogDigest {
  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    FileTxnLog log = new FileTxnLog(new File(args[0]));
    try {
      TxnIterator it = log.read(Long.parseLong(args[1]));
      while (it.getHeader() != null) {
        byte[] payload = Util.marshallTxnEntry(it.getHeader(), it.getTxn(), it.getDigest());
        CRC32 crc = new CRC32();
        crc.update(payload);
        out.println(it.getHeader().getZxid() + " " + payload.length + " " + crc.getValue());
        if (!it.next()) {
          break;
        }
      }
      it.close();
      out.println("end");
    } catch (IOException e) {
      out.println("failed " + e.getMessage());
    } finally {
      log.close();
    }
  }
}
