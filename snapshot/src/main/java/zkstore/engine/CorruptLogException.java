package zkstore.engine;

import java.io.IOException;
import zkstore.txnlog.Corruption;

/** A log entry that is damaged but is not a torn tail: nothing after it can be trusted. */
final class CorruptLogException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient Corruption corruption;

  CorruptLogException(Corruption corruption) {
    super(corruption.describe());
    this.corruption = corruption;
  }

  Corruption corruption() {
    return corruption;
  }
}
