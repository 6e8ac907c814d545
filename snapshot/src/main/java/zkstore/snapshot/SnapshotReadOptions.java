package zkstore.snapshot;

import zkstore.jute.JuteMaxBuffer;

/**
 * How snapshots are read.
 *
 * @param maxFieldLength largest data or string length accepted, ZooKeeper's jute.maxbuffer + extrasize
 *     (2,097,150 by default); a longer one is a FormatException
 * @param bufferSize bytes of the read buffer (grown to hold at least one maximal field)
 */
public record SnapshotReadOptions(int maxFieldLength, int bufferSize) {
  /** ZooKeeper's default limit: jute.maxbuffer 1,048,575 plus the same again as extrasize. */
  public static final int DEFAULT_MAX_FIELD_LENGTH = JuteMaxBuffer.DEFAULT.limit();

  /** The defaults: ZooKeeper's field limit and a 4 MiB buffer. */
  public static final SnapshotReadOptions DEFAULT = new SnapshotReadOptions(DEFAULT_MAX_FIELD_LENGTH, 4 << 20);

  /** These options with the field limit a ZooKeeper with {@code limits} applies. */
  public SnapshotReadOptions withLimits(JuteMaxBuffer limits) {
    return new SnapshotReadOptions(limits.limit(), bufferSize);
  }

  public SnapshotReadOptions {
    if (maxFieldLength < 1 || bufferSize < 64) {
      throw new IllegalArgumentException("maxFieldLength " + maxFieldLength + ", bufferSize " + bufferSize);
    }
  }
}
