package zkstore.cli;

/** The three exit codes every zkstore command uses. */
public final class ExitCode {
  /** The command did what was asked and found nothing wrong. */
  public static final int OK = 0;
  /** The input was readable but problems were found (corruption, gaps, a torn tail). */
  public static final int PROBLEMS = 1;
  /** The input could not be used at all: missing path, not a ZooKeeper file, empty file, bad usage. */
  public static final int UNUSABLE = 2;

  private ExitCode() {}
}
