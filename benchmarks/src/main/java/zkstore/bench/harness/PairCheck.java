package zkstore.bench.harness;

/**
 * The pre-timing check of a pair. ZooKeeper's run of the operation on the trial's input is the
 * reference (cached where it is costly); a zkstore trial first runs its own side on the same input
 * and fails with {@link WorkMismatchException} unless the work is equal. Each benchmark then checks
 * every measured iteration against the reference.
 */
public final class PairCheck {
  /** One side's run of the checked operation. */
  @FunctionalInterface
  public interface Run {
    Work run() throws Exception;
  }

  private PairCheck() {}

  /** Returns the reference work, after requiring the measured side's equal when it is zkstore. */
  public static Work require(String benchmark, String what, Side measured, Run zookeeper, Run zkstore) {
    Work reference = call(benchmark, "zookeeper", zookeeper);
    if (measured == Side.ZKSTORE) {
      SameWork.require(benchmark, what, reference, call(benchmark, "zkstore", zkstore));
    }
    return reference;
  }

  private static Work call(String benchmark, String side, Run run) {
    try {
      return run.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(benchmark + ": the " + side + " side failed its check run", e);
    }
  }
}
