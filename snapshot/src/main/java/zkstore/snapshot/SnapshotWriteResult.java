package zkstore.snapshot;

/**
 * A snapshot that is complete, forced and renamed into place.
 *
 * @param file the final file
 * @param layout the sections written
 * @param sessions sessions written
 * @param aclEntries ACL map entries written
 * @param nodes node records written
 * @param digest the digest section (also for {@link SnapshotLayout#SEAL_ONLY}, where it is not written)
 * @param lastProcessedZxid the tree's lastProcessedZxid after the walk (the file name holds the one before)
 * @param logicalBytes length of the uncompressed stream
 * @param fileBytes length of the file
 */
public record SnapshotWriteResult(SnapshotFile file, SnapshotLayout layout, int sessions, int aclEntries,
    long nodes, SnapshotDigest digest, long lastProcessedZxid, long logicalBytes, long fileBytes) {

  /** The zxid in the file name: the tree's lastProcessedZxid before the walk started. */
  public long zxid() {
    return file.zxid();
  }
}
