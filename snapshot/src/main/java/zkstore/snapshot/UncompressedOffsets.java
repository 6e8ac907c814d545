package zkstore.snapshot;

import zkstore.jute.FormatException;

/**
 * Words byte ranges of the decompressed stream of a {@code .gz} or {@code .snappy} snapshot as ranges of that
 * stream, which a hex editor on the stored file cannot find. Offsets an error names are labelled by
 * {@link FormatException#withOffsetInUncompressedStream()}.
 */
final class UncompressedOffsets {
  private UncompressedOffsets() {}

  /** "bytes from..to", followed by {@link FormatException#UNCOMPRESSED_STREAM} when the stream is decompressed. */
  static String range(long from, long to, boolean decompressed) {
    return "bytes " + from + ".." + to + (decompressed ? FormatException.UNCOMPRESSED_STREAM : "");
  }
}
