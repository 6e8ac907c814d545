package zkstore.txnlog;

/**
 * The last entry of a file was cut short or is damaged with nothing valid after it: a write a crash
 * interrupted, never acknowledged. It is skipped; everything before it reads normally.
 *
 * @param lastValidZxid the zxid of the last valid entry before it in the file, or -1
 */
public record TornTail(String file, long offset, Long zxid, long lastValidZxid, String reason)
    implements LogDamage {
  @Override
  public String describe() {
    return "torn tail in " + file + " at offset " + offset
        + (zxid != null ? " (entry claims zxid 0x" + Long.toHexString(zxid) + ")" : "")
        + ": " + reason + "; last valid zxid 0x" + Long.toHexString(lastValidZxid) + ", skipped";
  }
}
