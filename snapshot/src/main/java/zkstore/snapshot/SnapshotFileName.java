package zkstore.snapshot;

import java.util.Optional;

/**
 * A parsed snapshot file name: {@code snapshot.<hex zxid>[.anything]}, read the way ZooKeeper reads it
 * (second dot-component is the zxid in hex, the last dot-component picks the codec). A leftover
 * {@code snapshot.<z>.tmp} therefore parses as a plain candidate for zxid z, as it does in ZooKeeper.
 */
public record SnapshotFileName(String name, long zxid, SnapshotCompression compression) {

  /** The file name prefix, without the dot. */
  public static final String PREFIX = "snapshot";

  /** Prefix of the name a snapshot is written under before its rename; neither zkstore nor ZooKeeper lists it. */
  public static final String TEMPORARY_PREFIX = "tmp.";

  /** Parses a file name; empty when ZooKeeper would not take it for a snapshot (or the zxid is negative). */
  public static Optional<SnapshotFileName> parse(String name) {
    long zxid = zxidFromName(name, PREFIX);
    if (zxid < 0) {
      return Optional.empty();
    }
    return Optional.of(new SnapshotFileName(name, zxid, SnapshotCompression.ofFileName(name)));
  }

  /** The name ZooKeeper gives the snapshot of {@code zxid}: lowercase hex, then the codec's suffix. */
  public static SnapshotFileName of(long zxid, SnapshotCompression compression) {
    if (zxid < 0) {
      throw new IllegalArgumentException("negative snapshot zxid " + zxid);
    }
    return new SnapshotFileName(PREFIX + "." + Long.toHexString(zxid) + compression.suffix(), zxid, compression);
  }

  /** The name this snapshot is written under until it is complete and forced. */
  public String temporaryName() {
    return TEMPORARY_PREFIX + name;
  }

  /** True for a name this package writes while a snapshot is in progress (a crash may leave one behind). */
  public static boolean isTemporary(String name) {
    return name.startsWith(TEMPORARY_PREFIX + PREFIX + ".");
  }

  /**
   * ZooKeeper's {@code Util.getZxidFromName}: the second dot-component parsed as signed hex when the first
   * equals {@code prefix}, else -1. Shared by snapshot and log names ({@code "log"}).
   */
  public static long zxidFromName(String name, String prefix) {
    String[] parts = name.split("\\.");
    if (parts.length < 2 || !parts[0].equals(prefix)) {
      return -1;
    }
    try {
      return Long.parseLong(parts[1], 16);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
