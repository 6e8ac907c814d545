package zkstore.bench.harness;

/** Thrown before any timing when the two sides of a benchmark pair did not do the same work. */
public final class WorkMismatchException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public WorkMismatchException(String message) {
    super(message);
  }
}
