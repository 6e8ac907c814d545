package zkstore.cli;

/**
 * Input a command cannot work on at all (exit code 2). The message is one line that names the file
 * and, where known, the offset and zxid.
 */
public final class UnusableInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnusableInputException(String message) {
    super(message);
  }

  public UnusableInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
