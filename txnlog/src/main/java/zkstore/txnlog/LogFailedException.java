package zkstore.txnlog;

import java.io.IOException;

/** The log hit an error it cannot recover from (a failed force or write); it accepts no more writes. */
public final class LogFailedException extends IOException {
  private static final long serialVersionUID = 1L;

  public LogFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
