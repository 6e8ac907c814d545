package zkstore.txnlog;

/**
 * What stopped the reading of a log file early: a torn tail (a write cut short by a crash, never
 * acknowledged, skipped) or corruption (bytes that were acknowledged and are now wrong, an error).
 */
public sealed interface LogDamage extends ReadOutcome permits TornTail, Corruption {
  /** The file's name. */
  String file();

  /** Offset in the file of the damaged entry (or of the header). */
  long offset();

  /** The zxid the damaged entry claims, when its header could be read; null otherwise. */
  Long zxid();

  /** A sentence for a user: what was found. */
  String describe();
}
