package zkstore.cli.restore;

import java.io.IOException;

/** A data directory that cannot be restored as asked (corruption, a hole in the zxids, no usable start). */
public final class RestoreRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  public RestoreRefusedException(String message) {
    super(message);
  }

  public RestoreRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
