package zkstore.snapshot;

import java.util.OptionalLong;

/**
 * What a verified read found.
 *
 * @param source the file (or stream name) read
 * @param nameZxid the zxid in the file name, -1 if the name has none; on load it is the tree's lastProcessedZxid
 * @param layout which sections were present (1, 2 or 3 seals)
 * @param dbid the header's dbid (-1 in every file ZooKeeper writes)
 * @param sessions number of sessions
 * @param aclEntries number of ACL map entries
 * @param nodes number of node records
 * @param digest the digest section, null for {@link SnapshotLayout#SEAL_ONLY}
 * @param lastProcessedZxid the 3.9 section, empty before 3.9
 * @param nodesWithUnknownAclKey nodes whose ACL key is neither -1 nor in the map (a fuzzy ZooKeeper snapshot can
 *     have these; ZooKeeper ignores them at load and fails when the node's ACL is read)
 * @param logicalBytes length of the uncompressed stream
 */
public record SnapshotReadResult(String source, long nameZxid, SnapshotLayout layout, long dbid, int sessions,
    int aclEntries, long nodes, SnapshotDigest digest, OptionalLong lastProcessedZxid, long nodesWithUnknownAclKey,
    long logicalBytes) {}
