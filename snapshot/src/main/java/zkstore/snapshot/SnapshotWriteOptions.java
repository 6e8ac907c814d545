package zkstore.snapshot;

/**
 * How snapshots are written.
 *
 * @param compression none (ZooKeeper's default), gz or snappy; it also picks the file name's suffix
 * @param layout {@link SnapshotLayout#DIGEST_AND_LAST_ZXID} for 3.9 (default), {@link SnapshotLayout#DIGEST}
 *     for the 3.8 shape (3.9's serializeLastProcessedZxid.enabled=false), {@link SnapshotLayout#SEAL_ONLY}
 *     for the 3.4/3.5 shape
 * @param bufferSize bytes of the encode buffer; each full buffer is checksummed and written at once
 */
public record SnapshotWriteOptions(SnapshotCompression compression, SnapshotLayout layout, int bufferSize) {
  /**
   * Plain, 3.9 layout, 128 KiB buffer: each buffer is checksummed right after it is encoded, while it is still
   * in the core's cache (java.util.zip.Adler32 runs at about 10 GB/s there, 2 GB/s over a 4 MiB buffer).
   */
  public static final SnapshotWriteOptions DEFAULT =
      new SnapshotWriteOptions(SnapshotCompression.NONE, SnapshotLayout.DIGEST_AND_LAST_ZXID, 128 << 10);

  public SnapshotWriteOptions {
    if (compression == null || layout == null || bufferSize < 1024) {
      throw new IllegalArgumentException("compression " + compression + ", layout " + layout + ", bufferSize "
          + bufferSize);
    }
  }

  public SnapshotWriteOptions withCompression(SnapshotCompression c) {
    return new SnapshotWriteOptions(c, layout, bufferSize);
  }

  public SnapshotWriteOptions withLayout(SnapshotLayout l) {
    return new SnapshotWriteOptions(compression, l, bufferSize);
  }

  public SnapshotWriteOptions withBufferSize(int size) {
    return new SnapshotWriteOptions(compression, layout, size);
  }
}
