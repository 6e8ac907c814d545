package zkstore.tree;

import java.util.zip.CRC32;

/**
 * The per-node term of ZooKeeper's 3.6+ tree digest (FORMATS.md §4.6): CRC-32 of the path, the data
 * and 60 stat bytes; zero for paths under "/zookeeper/". The tree digest is the sum of the terms.
 */
final class NodeDigest {

    /** Digest version written into TxnDigest and snapshots. */
    static final int VERSION = 2;

    private static final byte[] EXCLUDED_PREFIX = "/zookeeper/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final CRC32 crc = new CRC32();
    private final byte[] stat = new byte[60];

    /** The digest term of {@code node} at {@code path[0, len)} ("/" is taken as the root, ""). */
    long of(byte[] path, int len, ZNode node) {
        if (len == 1 && path[0] == '/') {
            len = 0;
        }
        if (len >= EXCLUDED_PREFIX.length
                && java.util.Arrays.equals(path, 0, EXCLUDED_PREFIX.length, EXCLUDED_PREFIX, 0, EXCLUDED_PREFIX.length)) {
            return 0;
        }
        crc.reset();
        crc.update(path, 0, len);
        byte[] b = node.bytes;
        int off = ZNode.dataOffset(b);
        crc.update(b, off, b.length - off);
        int p = 0;
        p = putLong(stat, p, node.czxid);
        p = putLong(stat, p, node.mzxid);
        p = putLong(stat, p, node.pzxid);
        p = putLong(stat, p, node.ctime);
        p = putLong(stat, p, node.mtime);
        p = putInt(stat, p, node.version);
        p = putInt(stat, p, node.cversion);
        p = putInt(stat, p, node.aversion);
        putLong(stat, p, node.ephemeralOwner);
        crc.update(stat, 0, 60);
        return crc.getValue();
    }

    private static int putLong(byte[] b, int p, long v) {
        for (int i = 7; i >= 0; i--) {
            b[p + i] = (byte) v;
            v >>>= 8;
        }
        return p + 8;
    }

    private static int putInt(byte[] b, int p, int v) {
        for (int i = 3; i >= 0; i--) {
            b[p + i] = (byte) v;
            v >>>= 8;
        }
        return p + 4;
    }
}
