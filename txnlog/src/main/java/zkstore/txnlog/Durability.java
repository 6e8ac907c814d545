package zkstore.txnlog;

/** Whether a commit forces the appended bytes to the disk before it returns. */
public enum Durability {
  /** A commit returns only after a force that succeeded (the default). */
  FORCE,
  /** A commit never forces: for benchmarks and tests; a crash of the machine may lose committed txns. */
  NO_FORCE
}
