package zkstore.txnlog;

/** The read reached the end of the log (the zero tail of the newest file) without damage. */
public record CleanEnd(long lastZxid) implements ReadOutcome {
}
