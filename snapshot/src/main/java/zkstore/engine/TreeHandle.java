package zkstore.engine;

import zkstore.record.TxnRecord;
import zkstore.tree.ApplyMode;
import zkstore.tree.DataTree;

/** A {@link DataTree} as the restore policy drives it. */
final class TreeHandle implements EngineTree {
  private final DataTree tree;

  TreeHandle(DataTree tree) {
    this.tree = tree;
  }

  DataTree tree() {
    return tree;
  }

  @Override
  public void applyReplay(TxnRecord txn) {
    tree.apply(txn, ApplyMode.REPLAY);
  }

  @Override
  public long digest() {
    return tree.digest();
  }
}
