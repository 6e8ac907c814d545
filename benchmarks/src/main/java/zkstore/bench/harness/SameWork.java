package zkstore.bench.harness;

/**
 * The guard every benchmark pair runs before timing: a fast figure must never come from doing less
 * work, so the measured side's {@link Work} must equal the reference (ZooKeeper's) exactly.
 */
public final class SameWork {
  private SameWork() {}

  /** Throws {@link WorkMismatchException} naming the benchmark and both figures unless they agree. */
  public static void require(String benchmark, String what, Work reference, Work measured) {
    if (reference.equals(measured)) {
      return;
    }
    StringBuilder m = new StringBuilder();
    m.append(benchmark).append(": the two sides did different work (").append(what).append("): ");
    if (reference.items() != measured.items()) {
      m.append("items expected ").append(reference.items()).append(" but was ").append(measured.items()).append("; ");
    }
    if (reference.bytes() != measured.bytes()) {
      m.append("bytes expected ").append(reference.bytes()).append(" but was ").append(measured.bytes()).append("; ");
    }
    if (reference.fingerprint() != measured.fingerprint()) {
      m.append("fingerprint expected 0x").append(Long.toHexString(reference.fingerprint()))
          .append(" but was 0x").append(Long.toHexString(measured.fingerprint())).append("; ");
    }
    m.append("reference [").append(reference).append("], measured [").append(measured).append(']');
    throw new WorkMismatchException(m.toString());
  }
}
