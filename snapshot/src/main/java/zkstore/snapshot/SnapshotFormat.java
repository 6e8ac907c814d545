package zkstore.snapshot;

/** Constants of the snapshot stream (FORMATS.md §4.2). */
final class SnapshotFormat {
  /** "ZKSN". */
  static final int MAGIC = 0x5A4B534E;
  /** The header version every release writes. */
  static final int VERSION = 2;
  /** The header dbid every release writes. */
  static final long DBID = -1;
  /** The end-of-nodes marker and the string after each seal. */
  static final String SLASH = "/";
  /** Bytes after a node's data: ACL key (8) and StatPersisted (60). */
  static final int NODE_TAIL_BYTES = 68;
  /** Where ephemeralOwner lies in that tail: after the ACL key, four longs and three ints of the stat. */
  static final int OWNER_IN_NODE_TAIL = 8 + 4 * 8 + 3 * 4;
  /** Smallest session entry: id and timeout. */
  static final int SESSION_BYTES = 12;
  /** Smallest ACL map entry: key and an empty vector count; smallest ACL: perms and two null strings. */
  static final int ACL_ENTRY_MIN_BYTES = 12;
  static final int ACL_MIN_BYTES = 12;

  private SnapshotFormat() {}
}
