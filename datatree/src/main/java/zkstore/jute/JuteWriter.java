package zkstore.jute;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Growable big-endian writer of ZooKeeper's jute binary encoding, including its string encoding
 * (1, 2 or 3 bytes per UTF-16 unit, so each surrogate half takes 3 bytes) and -1 for null.
 */
public final class JuteWriter {

    private byte[] buf;
    private int size;

    public JuteWriter() {
        this(256);
    }

    public JuteWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    /** Forgets everything written, keeping the allocated capacity. */
    public void reset() {
        size = 0;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** Puts the bytes written so far into {@code target} at its position (advancing it). */
    public void writeTo(ByteBuffer target) {
        target.put(buf, 0, size);
    }

    /** Overwrites 4 bytes at {@code at} (e.g. a length written before its content was known). */
    public void putIntAt(int at, int v) {
        if (at < 0 || at + 4 > size) {
            throw new IndexOutOfBoundsException("putIntAt " + at + " with size " + size);
        }
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    public JuteWriter writeByte(byte v) {
        ensure(1);
        buf[size++] = v;
        return this;
    }

    /** Writes a jute boolean: 1 for true, 0 for false. */
    public JuteWriter writeBool(boolean v) {
        return writeByte((byte) (v ? 1 : 0));
    }

    public JuteWriter writeInt(int v) {
        ensure(4);
        buf[size] = (byte) (v >>> 24);
        buf[size + 1] = (byte) (v >>> 16);
        buf[size + 2] = (byte) (v >>> 8);
        buf[size + 3] = (byte) v;
        size += 4;
        return this;
    }

    public JuteWriter writeLong(long v) {
        writeInt((int) (v >>> 32));
        return writeInt((int) v);
    }

    /** Writes raw bytes without a length prefix. */
    public JuteWriter writeRaw(byte[] bytes, int from, int length) {
        ensure(length);
        System.arraycopy(bytes, from, buf, size, length);
        size += length;
        return this;
    }

    /** Writes a length-prefixed buffer; null is written as length -1. */
    public JuteWriter writeBuffer(byte[] v) {
        if (v == null) {
            return writeInt(-1);
        }
        writeInt(v.length);
        return writeRaw(v, 0, v.length);
    }

    /** Writes a length-prefixed string in ZooKeeper's encoding; null is written as length -1. */
    public JuteWriter writeString(String s) {
        if (s == null) {
            return writeInt(-1);
        }
        int n = s.length();
        int len = encodedLength(s);
        writeInt(len);
        ensure(len);
        int p = size;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[p++] = (byte) c;
            } else if (c < 0x800) {
                buf[p++] = (byte) (0xC0 | (c >> 6));
                buf[p++] = (byte) (0x80 | (c & 0x3F));
            } else {
                buf[p++] = (byte) (0xE0 | (c >> 12));
                buf[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        size = p;
        return this;
    }

    /** Number of bytes ZooKeeper's string encoding gives {@code s}, without the length prefix. */
    public static int encodedLength(String s) {
        int len = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            len += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return len;
    }

    private void ensure(int extra) {
        long needed = (long) size + extra;
        if (needed > buf.length) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("jute output larger than 2 GiB");
            }
            buf = Arrays.copyOf(buf, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, 2L * buf.length)));
        }
    }
}
