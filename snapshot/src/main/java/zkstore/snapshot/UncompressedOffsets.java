package zkstore.snapshot;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zkstore.jute.FormatException;

/**
 * Labels the offsets of an error about the decompressed stream of a {@code .gz} or {@code .snappy} snapshot as
 * offsets in that stream, which a hex editor on the stored file cannot find: the trailing location and the
 * offsets named inside the message text.
 */
final class UncompressedOffsets {
  static final String SUFFIX = " of the uncompressed stream";
  /**
   * The tail of the tree loader's repeated-path message, which names the earlier record's offset in its text:
   * "node /a appears twice, at offset 100 (0x64) and in this record" (or "and again").
   */
  private static final Pattern REPEATED_PATH_TAIL =
      Pattern.compile(" appears twice, at offset (\\d+) \\(0x([0-9a-f]+)\\)(?= and in this record$| and again$)");

  private UncompressedOffsets() {}

  /** "bytes from..to", followed by {@link #SUFFIX} when the stream is decompressed. */
  static String range(long from, long to, boolean decompressed) {
    return "bytes " + from + ".." + to + (decompressed ? SUFFIX : "");
  }

  /** {@code e} with its trailing offset and the offsets in its text labelled as uncompressed-stream offsets. */
  static FormatException label(FormatException e) {
    if (e.offsetInUncompressedStream()) {
      return e;
    }
    String detail = e.detail();
    Matcher m = REPEATED_PATH_TAIL.matcher(detail);
    if (!m.find() || Long.parseLong(m.group(1)) != Long.parseLong(m.group(2), 16)) {
      return e.withOffsetInUncompressedStream();
    }
    String labelled = detail.substring(0, m.end()) + SUFFIX + detail.substring(m.end());
    FormatException copy = new FormatException(labelled, e.file(), e.offset(), e.zxid(), e.truncated(), e.getCause());
    copy.setStackTrace(e.getStackTrace());
    for (Throwable s : e.getSuppressed()) {
      copy.addSuppressed(s);
    }
    return copy.withOffsetInUncompressedStream();
  }
}
