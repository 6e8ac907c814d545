package zkstore.bench.harness;

/** The content fingerprint both sides compute from the txns they decoded, field by field. */
public final class Fingerprint {
  private Fingerprint() {}

  /** Folds one decoded setData txn into a running fingerprint. */
  public static long txn(long running, long zxid, long clientId, int cxid, long time, int type, int pathLength,
      int dataLength, int version) {
    long h = zxid ^ (clientId * 0x9E3779B97F4A7C15L) ^ ((long) cxid << 21) ^ (time * 31) ^ ((long) type << 56);
    h += pathLength * 1_000_003L + dataLength * 8191L + version;
    return running * 31 + h;
  }
}
