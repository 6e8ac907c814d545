package zkstore.engine;

import java.util.Random;

/**
 * The seeded kill points of {@link FuzzySnapshotCrashTest}: for each kill, the txn the child halts at (an
 * absolute zxid, so a run that overshot one kill point meets the next one where the seed put it), how it halts,
 * and the seed of its snapshot trigger. One in five kill points lands within one snapCount of the previous one,
 * close to the restore and the snapshot a restore writes; the others up to {@link #SPREAD} txns further.
 */
final class CrashSchedule {
  /**
   * Largest gap in txns between two kill points; the mean gap, about 1,400 txns, keeps the default run as long as
   * it was when kills were timed by the clock.
   */
  static final int SPREAD = 3500;

  /** Where and how the child of one kill stops; see {@link CrashChild}. */
  record KillPoint(long haltAt, CrashChild.Mode mode, long rollSeed) {}

  private final Random random;
  private final int snapCount;
  private long haltAt;

  CrashSchedule(long seed, int snapCount) {
    this.random = new Random(seed);
    this.snapCount = snapCount;
  }

  KillPoint next() {
    haltAt += random.nextInt(5) == 0 ? random.nextInt(snapCount + 1) : random.nextInt(SPREAD + 1);
    CrashChild.Mode[] modes = CrashChild.Mode.values();
    return new KillPoint(haltAt, modes[random.nextInt(modes.length)], random.nextLong());
  }
}
