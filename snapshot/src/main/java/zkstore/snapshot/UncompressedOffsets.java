package zkstore.snapshot;

/**
 * Words byte ranges of the decompressed stream of a {@code .gz} or {@code .snappy} snapshot as ranges of that
 * stream, which a hex editor on the stored file cannot find. Offsets an error names are labelled by
 * {@link zkstore.jute.FormatException#withOffsetInUncompressedStream()}.
 */
final class UncompressedOffsets {
  static final String SUFFIX = " of the uncompressed stream";

  private UncompressedOffsets() {}

  /** "bytes from..to", followed by {@link #SUFFIX} when the stream is decompressed. */
  static String range(long from, long to, boolean decompressed) {
    return "bytes " + from + ".." + to + (decompressed ? SUFFIX : "");
  }
}
