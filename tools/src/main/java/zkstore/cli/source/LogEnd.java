package zkstore.cli.source;

import zkstore.jute.FormatException;

/** How reading one log file ended. */
public sealed interface LogEnd {
  /** The offset where reading stopped. */
  long offset();

  /** End of file, or the zero-filled preallocated area: every entry was read. */
  record Clean(long offset) implements LogEnd {}

  /**
   * A partially written last entry (never acknowledged), which zkstore skips. ZooKeeper skips it too when it is
   * cut short or its end byte is wrong, but stops on a checksum mismatch (verify's start line tells which).
   */
  record TornTail(long offset, String detail) implements LogEnd {}

  /** Bytes that fail a check (checksum, length, type): ZooKeeper refuses to restore past them. */
  record Corrupt(long offset, FormatException error) implements LogEnd {}

  /** True for anything but a clean end. */
  default boolean problem() {
    return !(this instanceof Clean);
  }

  /** One phrase for messages. */
  default String describe() {
    if (this instanceof TornTail t) {
      return "torn tail at offset " + t.offset() + " (" + t.detail() + ")";
    }
    if (this instanceof Corrupt c) {
      return "corrupt entry at offset " + c.offset() + ": " + c.error().detail();
    }
    return "clean end at offset " + offset();
  }
}
