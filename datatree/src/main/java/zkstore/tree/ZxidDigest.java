package zkstore.tree;

/** The tree digest right after the txn with {@code zxid} was applied (version 2, FORMATS.md §4.6). */
public record ZxidDigest(long zxid, long digest) {
}
