package zkstore.txnlog;

import zkstore.jute.JuteMaxBuffer;

/**
 * Settings of a read.
 *
 * @param maxPayloadBytes longest payload accepted; a longer length is damage
 * @param checkZxidContinuity whether returned zxids must go up by one (or start a higher epoch); a zxid
 *     that goes backwards or skips is then corruption. Off only to dump logs that legitimately have gaps
 *     (a learner that took a snapshot from its leader).
 */
public record ReadOptions(int maxPayloadBytes, boolean checkZxidContinuity) {
  /** The longest payload whose frame (payload + 13 bytes) a reader can hold in one buffer. */
  public static final int LARGEST_MAX_PAYLOAD = Integer.MAX_VALUE - LogFormat.FRAME_OVERHEAD;

  public ReadOptions {
    if (maxPayloadBytes < LogFormat.TXN_HEADER_SIZE || maxPayloadBytes > LARGEST_MAX_PAYLOAD) {
      throw new IllegalArgumentException("maxPayloadBytes must be " + LogFormat.TXN_HEADER_SIZE + " (a txn header) to "
          + LARGEST_MAX_PAYLOAD + ", not " + maxPayloadBytes);
    }
  }

  public static ReadOptions defaults() {
    return new ReadOptions(LogFormat.DEFAULT_MAX_PAYLOAD, true);
  }

  /** These options with the payload limit of a ZooKeeper with {@code limits} (at most {@link #LARGEST_MAX_PAYLOAD}). */
  public ReadOptions withLimits(JuteMaxBuffer limits) {
    return new ReadOptions(Math.min(limits.limit(), LARGEST_MAX_PAYLOAD), checkZxidContinuity);
  }

  public ReadOptions withCheckZxidContinuity(boolean check) {
    return new ReadOptions(maxPayloadBytes, check);
  }
}
