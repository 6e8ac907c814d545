package zkstore.jute;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ZooKeeper's limit on the length of one jute buffer or string, which also bounds a whole log entry's payload:
 * {@code jute.maxbuffer} plus {@code zookeeper.jute.maxbuffer.extrasize} (FORMATS.md §1). A ZooKeeper started
 * with a larger {@code -Djute.maxbuffer} writes, and reads back, entries and znodes above the default limit, so
 * a reader of its files needs the same setting.
 *
 * @param maxBuffer ZooKeeper's {@code jute.maxbuffer} in bytes
 * @param extraSize {@code zookeeper.jute.maxbuffer.extrasize} in bytes, as ZooKeeper uses it (never below 1024)
 */
public record JuteMaxBuffer(int maxBuffer, int extraSize) {
  /** ZooKeeper's default {@code jute.maxbuffer}, 0xFFFFF. */
  public static final int DEFAULT_MAX_BUFFER = 0xFFFFF;
  /** The smallest extra size ZooKeeper uses, whatever is configured. */
  public static final int MIN_EXTRA_SIZE = 1024;
  /** ZooKeeper's defaults: a limit of 2,097,150 bytes. */
  public static final JuteMaxBuffer DEFAULT = of(DEFAULT_MAX_BUFFER);
  private static final Pattern READS_WITH = Pattern.compile("jute\\.maxbuffer=(\\d+) or more");

  public JuteMaxBuffer {
    if (maxBuffer < 0) {
      throw new IllegalArgumentException("jute.maxbuffer must be 0 or more bytes, not " + maxBuffer);
    }
    extraSize = Math.max(extraSize, MIN_EXTRA_SIZE);
  }

  /** {@code jute.maxbuffer} with the extra size left unset, so that it equals {@code maxBuffer} (ZooKeeper's rule). */
  public static JuteMaxBuffer of(int maxBuffer) {
    return new JuteMaxBuffer(maxBuffer, maxBuffer);
  }

  /** The longest buffer, string or log-entry payload accepted, in bytes; ZooKeeper caps the sum at 2^31 - 1. */
  public int limit() {
    return (int) Math.min((long) maxBuffer + extraSize, Integer.MAX_VALUE);
  }

  /** The smallest {@code jute.maxbuffer} that, with the default extra size, accepts a length of {@code bytes}. */
  public static int maxBufferFor(int bytes) {
    if (bytes <= 2 * MIN_EXTRA_SIZE) {
      return Math.max(0, bytes - MIN_EXTRA_SIZE); // the extra size stays 1024
    }
    return (int) ((bytes + 1L) / 2);
  }

  /** How an error message names the setting that reads a length: {@code jute.maxbuffer=N or more}. */
  public static String readsWith(int length) {
    return "jute.maxbuffer=" + maxBufferFor(length) + " or more";
  }

  /** The largest setting {@link #readsWith} named in {@code message}, or -1 if it names none. */
  public static int namedIn(String message) {
    int largest = -1;
    Matcher m = READS_WITH.matcher(message);
    while (m.find()) {
      try {
        largest = Math.max(largest, Integer.parseInt(m.group(1)));
      } catch (NumberFormatException e) {
        // not a setting this class wrote
      }
    }
    return largest;
  }

  /** As ZooKeeper's flags would read: {@code jute.maxbuffer=N} and the extra size when it is not the default. */
  @Override
  public String toString() {
    String s = "jute.maxbuffer=" + maxBuffer;
    boolean defaultExtra = extraSize == Math.max(maxBuffer, MIN_EXTRA_SIZE);
    return defaultExtra ? s : s + ", zookeeper.jute.maxbuffer.extrasize=" + extraSize;
  }
}
