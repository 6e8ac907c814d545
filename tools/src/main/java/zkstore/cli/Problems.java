package zkstore.cli;

import zkstore.jute.FormatException;

/** One-line descriptions of on-disk problems: file, offset, zxid, then what was wrong. */
public final class Problems {
  private Problems() {}

  /**
   * {@code <file> offset N (0x..) zxid 0x..: <detail>}, leaving out what is unknown; an offset that counts bytes
   * of a compressed snapshot's uncompressed stream says so.
   */
  public static String describe(FormatException f) {
    StringBuilder sb = new StringBuilder();
    sb.append(f.file() == null ? "<input>" : f.file());
    if (f.offset() >= 0) {
      sb.append(" offset ").append(FormatException.offsetText(f.offset(), f.offsetInUncompressedStream()));
    }
    if (f.zxid() != null) {
      sb.append(" zxid 0x").append(Long.toHexString(f.zxid()));
    }
    sb.append(": ").append(f.detail());
    return sb.toString();
  }

  /** The same problem with its bare file name resolved against the directory it was read from. */
  public static FormatException inDir(FormatException e, java.nio.file.Path dir) {
    if (e.file() == null || e.file().contains(java.io.File.separator)) {
      return e;
    }
    return e.withFileReplaced(dir.resolve(e.file()).toString());
  }
}
