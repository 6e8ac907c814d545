package zkstore.engine;

/** zxid arithmetic (FORMATS.md §7): {@code epoch << 32 | counter}, and what "no txn is missing" means. */
final class Zxids {
  private Zxids() {}

  static long epoch(long zxid) {
    return zxid >>> 32;
  }

  static long counter(long zxid) {
    return zxid & 0xffffffffL;
  }

  /**
   * True when {@code next} may directly follow {@code prev} in a complete history: the next counter of the
   * same epoch, or the first txn (counter 1) of a later epoch, which is how a new leader starts.
   */
  static boolean follows(long prev, long next) {
    return next == prev + 1 || (epoch(next) > epoch(prev) && counter(next) == 1);
  }

  /** True for the first txn a store can ever hold: zxid 1 (standalone) or the first txn of epoch 1. */
  static boolean isFirstEver(long zxid) {
    return zxid == 1 || zxid == (1L << 32 | 1);
  }

  static String hex(long zxid) {
    return "0x" + Long.toHexString(zxid);
  }
}
