package zkstore.cli.source;

import zkstore.record.FileHeader;

/** Receives a log file's header and then its entries in file order. */
public interface LogVisitor {
  /** Called once, after the header was read and its magic checked. */
  default void header(FileHeader header) {}

  /** Called per entry; return false to stop reading this file. */
  boolean entry(LogEntry entry) throws java.io.IOException;
}
