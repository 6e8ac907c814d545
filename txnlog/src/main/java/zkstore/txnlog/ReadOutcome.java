package zkstore.txnlog;

/** How a read of the log ended: at the clean end, at a torn tail (skipped), or at corruption (an error). */
public sealed interface ReadOutcome permits CleanEnd, LogDamage {
}
