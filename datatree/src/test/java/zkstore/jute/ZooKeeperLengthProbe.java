package zkstore.jute;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.jute.BinaryInputArchive;

/**
 * Child JVM main: says whether ZooKeeper's archive, configured by this JVM's system properties, accepts a buffer
 * length. Prints one word per length argument: {@code accepted} or {@code rejected}.
 */
public final class ZooKeeperLengthProbe {
  public static void main(String[] args) {
    for (String a : args) {
      System.out.println(accepts(Integer.parseInt(a)) ? "accepted" : "rejected");
    }
  }

  private static boolean accepts(int length) {
    byte[] lengthOnly = ByteBuffer.allocate(4).putInt(length).array();
    try {
      BinaryInputArchive.getArchive(new ByteArrayInputStream(lengthOnly)).readBuffer("probe");
      return true;
    } catch (IOException e) {
      return !String.valueOf(e.getMessage()).startsWith("Unreasonable length");
    } catch (OutOfMemoryError e) {
      return true; // the length passed the check and only the allocation failed
    }
  }
}
