package zkstore.bench.harness;

import zkstore.bench.zkstore.ZkStoreSide;
import zkstore.bench.zookeeper.ZooKeeperSide;

/** The implementation of each {@link Side}. */
public final class Sides {
  private Sides() {}

  public static StoreSide of(Side side) {
    return switch (side) {
      case ZOOKEEPER -> new ZooKeeperSide();
      case ZKSTORE -> new ZkStoreSide();
    };
  }
}
