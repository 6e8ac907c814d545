package zkstore.cli.oracle;

import java.io.File;
import org.apache.zookeeper.server.ZKDatabase;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;

/**
 * Child JVM main: ZooKeeper's start-up load ({@code ZKDatabase.loadDataBase}) of a data dir, configured by this
 * JVM's system properties (such as {@code -Djute.maxbuffer}). Prints {@code reaches 0x<zxid>} or
 * {@code fails <exception>}.
 */
public final class ZooKeeperStartProbe {
  public static void main(String[] args) throws Exception {
    FileTxnSnapLog snapLog = new FileTxnSnapLog(new File(args[0]), new File(args[0]));
    try {
      System.out.println("reaches 0x" + Long.toHexString(new ZKDatabase(snapLog).loadDataBase()));
    } catch (Exception | Error e) {
      System.out.println("fails " + e);
    } finally {
      snapLog.close();
    }
  }
}
