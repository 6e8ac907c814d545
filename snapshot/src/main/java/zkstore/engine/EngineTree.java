package zkstore.engine;

import zkstore.record.TxnRecord;

/** The data tree as a restore drives it: the one apply entry point in replay mode, and its digest. */
interface EngineTree {
  /** Applies a logged txn with the idempotent replay rules of a restore (FORMATS.md §5), sessions included. */
  void applyReplay(TxnRecord txn);

  /** The 3.6+ tree digest as it stands. */
  long digest();
}
