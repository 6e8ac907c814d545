package zkstore.tree;

/**
 * One node record as a snapshot stores it, read in place: the path and data are ranges of arrays the
 * reader may reuse, so a {@link TreeLoader} copies what it keeps and nothing is allocated per record.
 */
public interface StoredNode {

    /** The array holding the path as stored (jute UTF-8): "" for the root, else absolute. */
    byte[] pathBytes();

    int pathOffset();

    int pathLength();

    /** The array holding the data (unused when {@link #dataLength()} is -1). */
    byte[] dataBytes();

    int dataOffset();

    /** Length of the data, -1 when the node holds null data. */
    int dataLength();

    /** Key into the ACL map; -1 means OPEN_ACL_UNSAFE without a map entry. */
    long aclKey();

    long czxid();

    long mzxid();

    long ctime();

    long mtime();

    int version();

    int cversion();

    int aversion();

    long ephemeralOwner();

    long pzxid();

    /** Absolute offset of this record in its file (in the uncompressed stream), -1 if not known. */
    long offset();
}
