package zkstore.engine;

import java.io.IOException;

/** A store the restore policy will not bring back, with the reason in its message and in {@link #reason()}. */
public final class RestoreRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why a restore was refused. */
  public enum Reason {
    /** Snapshots exist but none verifies, and the logs do not reach back to the first txn. */
    NO_VALID_SNAPSHOT,
    /** No snapshot at all, and the logs do not reach back to the first txn. */
    LOGS_DO_NOT_REACH_BACK,
    /** Txns between the start and the last logged txn are missing (a log file gone from the middle). */
    MISSING_TXNS,
    /** A log entry is corrupt (not a torn tail): what follows it cannot be trusted. */
    CORRUPT_LOG,
    /** Neither snapshot nor log, and the caller did not ask for an empty start. */
    EMPTY_STORE,
    /** A point-in-time target that the store cannot reproduce exactly. */
    TARGET_UNREACHABLE
  }

  private final Reason reason;

  RestoreRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  RestoreRefusedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
