package zkstore.bench.harness;

/** The zkstore side of a pair cannot run because the module it measures does not offer the operation yet. */
public final class SideUnavailableException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  public SideUnavailableException(String message) {
    super(message);
  }
}
