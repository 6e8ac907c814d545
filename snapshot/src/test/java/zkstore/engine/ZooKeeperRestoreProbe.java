package zkstore.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Child JVM main: restores a data dir with ZooKeeper's FileTxnSnapLog, configured by this JVM's system properties
 * (such as {@code -Djute.maxbuffer}), and prints its {@link #summary}, or {@code failed <error>}.
 */
public final class ZooKeeperRestoreProbe {
  public static void main(String[] args) {
    try {
      summary(ZkOracle.restore(Path.of(args[0]), Path.of(args[1]), false)).forEach(System.out::println);
    } catch (IOException | RuntimeException e) {
      System.out.println("failed " + e);
    }
  }

  /** A restored tree as short lines: zxid, digest and sessions, then each node's path and a CRC of its fields. */
  static List<String> summary(TreeView view) {
    List<String> lines = new ArrayList<>();
    lines.add("zxid " + view.lastZxid() + " digest " + view.digest() + " sessions " + view.sessions());
    for (TreeView.Node node : view.nodes().values()) {
      CRC32 crc = new CRC32();
      crc.update(node.toString().getBytes(StandardCharsets.UTF_8));
      lines.add(node.path() + " " + (node.data().length() / 2) + " bytes, crc " + crc.getValue());
    }
    return lines;
  }
}
