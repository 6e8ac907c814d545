package zkstore.tree;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import zkstore.record.StatPersisted;

/**
 * One znode, laid out for a small heap: primitive stat fields, sibling links instead of a child set,
 * and one byte array holding a header, the name component (UTF-8) and the data.
 * Fields are guarded by the node's monitor when a concurrent snapshot walk may read them.
 */
final class ZNode {

    /**
     * header varint (nameLength * 2 + (data null ? 1 : 0)), name bytes, data bytes. A setData of the same
     * length overwrites the data in place (under the node's monitor, like every change a snapshot walk may see),
     * so replaying setData on an old node neither allocates nor makes G1 track a new old-to-young reference.
     */
    byte[] bytes;
    ZNode parent;
    ZNode firstChild;
    ZNode nextSibling;
    ZNode prevSibling;
    long czxid;
    long mzxid;
    long pzxid;
    long ctime;
    long mtime;
    long ephemeralOwner;
    int version;
    int cversion;
    int aversion;
    /** slot in the AclCache, or AclCache.OPEN_SLOT for the internal OPEN_ACL_UNSAFE key -1. */
    int aclSlot;
    int numChildren;
    /** hash of the full path's UTF-8 bytes, see PathHash. */
    int pathHash;

    ZNode(byte[] name, byte[] data) {
        this.bytes = encode(name, 0, name.length, data);
    }

    /** A node named {@code path[nameOff, nameOff+nameLen)} holding {@code data}. */
    ZNode(byte[] path, int nameOff, int nameLen, byte[] data) {
        this.bytes = encode(path, nameOff, nameLen, data);
    }

    /** Takes every persisted stat field from {@code s}; numChildren is derived from the links, not stored. */
    void setStat(StatPersisted s) {
        czxid = s.czxid();
        mzxid = s.mzxid();
        pzxid = s.pzxid();
        ctime = s.ctime();
        mtime = s.mtime();
        version = s.version();
        cversion = s.cversion();
        aversion = s.aversion();
        ephemeralOwner = s.ephemeralOwner();
    }

    /** A node named {@code path[nameOff, nameOff+nameLen)} holding {@code src[dataOff, dataOff+dataLen)} (null data for -1). */
    ZNode(byte[] path, int nameOff, int nameLen, byte[] src, int dataOff, int dataLen) {
        this.bytes = encode(path, nameOff, nameLen, src, dataOff, dataLen);
    }

    static byte[] encode(byte[] name, int nameOff, int nameLen, byte[] data) {
        return encode(name, nameOff, nameLen, data, 0, data == null ? -1 : data.length);
    }

    static byte[] encode(byte[] name, int nameOff, int nameLen, byte[] src, int srcOff, int srcLen) {
        int header = nameLen * 2 + (srcLen < 0 ? 1 : 0);
        int headerLen = varintLength(header);
        int dataLen = Math.max(srcLen, 0);
        byte[] out = new byte[headerLen + nameLen + dataLen];
        int p = 0;
        int h = header;
        while ((h & ~0x7F) != 0) {
            out[p++] = (byte) ((h & 0x7F) | 0x80);
            h >>>= 7;
        }
        out[p++] = (byte) h;
        System.arraycopy(name, nameOff, out, p, nameLen);
        if (dataLen > 0) {
            System.arraycopy(src, srcOff, out, p + nameLen, dataLen);
        }
        return out;
    }

    private static int varintLength(int v) {
        int n = 1;
        while ((v & ~0x7F) != 0) {
            n++;
            v >>>= 7;
        }
        return n;
    }

    static int header(byte[] b) {
        int v = 0;
        int shift = 0;
        int p = 0;
        while (true) {
            int x = b[p++];
            v |= (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
            shift += 7;
        }
    }

    static int headerLength(byte[] b) {
        int p = 0;
        while ((b[p] & 0x80) != 0) {
            p++;
        }
        return p + 1;
    }

    static int nameOffset(byte[] b) {
        return headerLength(b);
    }

    static int nameLength(byte[] b) {
        return header(b) >>> 1;
    }

    static boolean dataIsNull(byte[] b) {
        return (header(b) & 1) != 0;
    }

    static int dataOffset(byte[] b) {
        return headerLength(b) + nameLength(b);
    }

    static int dataLength(byte[] b) {
        return b.length - dataOffset(b);
    }

    /** A copy of the data held in {@code b}, null if the node's data is null. */
    static byte[] data(byte[] b) {
        if (dataIsNull(b)) {
            return null;
        }
        int off = dataOffset(b);
        return Arrays.copyOfRange(b, off, b.length);
    }

    String name() {
        byte[] b = bytes;
        return new String(b, nameOffset(b), nameLength(b), StandardCharsets.UTF_8);
    }

    void setData(byte[] data) {
        setData(data, 0, data == null ? -1 : data.length);
    }

    /** Sets the data to a copy of {@code src[off, off+len)}, null data for len -1. */
    void setData(byte[] src, int off, int len) {
        byte[] b = bytes;
        int header = header(b);
        int dataOff = headerLength(b) + (header >>> 1);
        if (len >= 0 && (header & 1) == 0 && b.length - dataOff == len) {
            System.arraycopy(src, off, b, dataOff, len);
            return;
        }
        bytes = encode(b, nameOffset(b), header >>> 1, src, off, len);
    }

    /** True when this node's name equals {@code path[from, to)}. */
    boolean nameEquals(byte[] path, int from, int to) {
        byte[] b = bytes;
        int off = nameOffset(b);
        int len = nameLength(b);
        return len == to - from && Arrays.equals(b, off, off + len, path, from, to);
    }

    boolean isRoot() {
        return parent == null;
    }

    void linkChild(ZNode child) {
        child.parent = this;
        child.prevSibling = null;
        child.nextSibling = firstChild;
        if (firstChild != null) {
            firstChild.prevSibling = child;
        }
        firstChild = child;
        numChildren++;
    }

    void unlinkChild(ZNode child) {
        if (child.prevSibling != null) {
            child.prevSibling.nextSibling = child.nextSibling;
        } else {
            firstChild = child.nextSibling;
        }
        if (child.nextSibling != null) {
            child.nextSibling.prevSibling = child.prevSibling;
        }
        numChildren--;
    }
}
