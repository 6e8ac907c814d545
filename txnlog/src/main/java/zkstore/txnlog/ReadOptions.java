package zkstore.txnlog;

/**
 * Settings of a read.
 *
 * @param maxPayloadBytes longest payload accepted; a longer length is damage
 * @param checkZxidContinuity whether returned zxids must go up by one (or start a higher epoch); a zxid
 *     that goes backwards or skips is then corruption. Off only to dump logs that legitimately have gaps
 *     (a learner that took a snapshot from its leader).
 */
public record ReadOptions(int maxPayloadBytes, boolean checkZxidContinuity) {
  public static ReadOptions defaults() {
    return new ReadOptions(LogFormat.DEFAULT_MAX_PAYLOAD, true);
  }

  public ReadOptions withCheckZxidContinuity(boolean check) {
    return new ReadOptions(maxPayloadBytes, check);
  }
}
