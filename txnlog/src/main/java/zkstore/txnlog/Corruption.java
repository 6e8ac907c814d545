package zkstore.txnlog;

import zkstore.jute.FormatException;

/**
 * Bytes that cannot be a crash's torn write: a bad entry with valid entries after it, a zxid that goes
 * backwards or skips, a bad file header. Reading stops with an error here; nothing after it is returned.
 *
 * @param field the field that failed (e.g. "checksum", "length", "zxid")
 */
public record Corruption(String file, long offset, Long zxid, String field, String expected, String actual)
    implements LogDamage {
  @Override
  public String describe() {
    return "corruption in " + file + " at offset " + offset + " (0x" + Long.toHexString(offset) + ")"
        + (zxid != null ? ", zxid 0x" + Long.toHexString(zxid) : "")
        + ": " + problem();
  }

  /** What is wrong, without where: the exception built from it names the file, offset and zxid itself. */
  public String problem() {
    return field + " expected " + expected + ", found " + actual;
  }

  /** The exception readers throw for this corruption. */
  FormatException toException(Throwable cause) {
    return new FormatException(problem(), file, offset, zxid, false, cause);
  }
}
