package zkstore.cli.source;

import java.io.PrintWriter;
import picocli.CommandLine.Option;
import zkstore.cli.UnusableInputException;
import zkstore.jute.JuteMaxBuffer;

/**
 * The {@code --jute-maxbuffer} options of every command that reads ZooKeeper's files. A ZooKeeper started with a
 * larger {@code -Djute.maxbuffer} logs txns and keeps znodes above the default limit of 2,097,150 bytes; read
 * with the default, they look like damage. Without the options, this JVM's own {@code -Djute.maxbuffer} and
 * {@code -Dzookeeper.jute.maxbuffer.extrasize} apply, as they do to ZooKeeper's tools.
 */
public final class JuteLimitOptions {
  @Option(names = "--jute-maxbuffer", paramLabel = "BYTES", description = "jute.maxbuffer of the ZooKeeper that "
      + "wrote the files (default 1048575). Txns and znode data up to this plus the extra size are read.")
  Integer maxBuffer;

  @Option(names = "--jute-maxbuffer-extrasize", paramLabel = "BYTES", description = "zookeeper.jute.maxbuffer."
      + "extrasize of that ZooKeeper (default: the jute.maxbuffer value; never below 1024).")
  Integer extraSize;

  /**
   * After an error line of {@code command}, prints the line that tells which option reads what {@code message}
   * reports as above the limit; prints nothing when it reports nothing of the kind.
   */
  public static void printHint(PrintWriter err, String command, String message) {
    int needed = JuteMaxBuffer.namedIn(message);
    if (needed >= 0) {
      err.println(command + ": hint: the data above the limit is intact; if the ZooKeeper that wrote it runs with"
          + " -Djute.maxbuffer=" + needed + " or more, give --jute-maxbuffer " + needed);
    }
  }

  /** The limits the options (or this JVM's system properties) name. */
  public JuteMaxBuffer limits() {
    int max = maxBuffer != null ? maxBuffer : Integer.getInteger("jute.maxbuffer", JuteMaxBuffer.DEFAULT_MAX_BUFFER);
    int extra = extraSize != null ? extraSize : Integer.getInteger("zookeeper.jute.maxbuffer.extrasize", max);
    if (max < 0) {
      throw new UnusableInputException("--jute-maxbuffer " + max + ": the limit must be 0 or more bytes");
    }
    return new JuteMaxBuffer(max, extra);
  }
}
