package zkstore.txnlog;

import java.io.IOException;

/** The disk had no room to grow a log file; nothing already written is affected. */
public final class DiskFullException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final long requestedBytes;
  private final long usableBytes;

  public DiskFullException(String file, long requestedBytes, long usableBytes, Throwable cause) {
    super("no space left to preallocate " + requestedBytes + " bytes for " + file + "; usable space left: "
        + usableBytes + " bytes. Free space or move the dataLogDir; every committed txn is still readable.",
        cause);
    this.file = file;
    this.requestedBytes = requestedBytes;
    this.usableBytes = usableBytes;
  }

  /** The file that could not grow. */
  public String file() {
    return file;
  }

  /** How many bytes the growth asked for. */
  public long requestedBytes() {
    return requestedBytes;
  }

  /** Usable bytes on the file's store when it failed (-1 if unknown). */
  public long usableBytes() {
    return usableBytes;
  }
}
