package zkstore.jute;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Checksum;

/**
 * Growable big-endian writer of ZooKeeper's jute binary encoding, including its string encoding
 * (1, 2 or 3 bytes per UTF-16 unit, so each surrogate half takes 3 bytes) and -1 for null.
 */
public final class JuteWriter {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

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

    /** Copies the bytes written so far into {@code target} from {@code index} on, leaving its position alone. */
    public void writeTo(ByteBuffer target, int index) {
        target.put(index, buf, 0, size);
    }

    /** Feeds the bytes written so far to {@code checksum}. */
    public void updateChecksum(Checksum checksum) {
        checksum.update(buf, 0, size);
    }

    /** Overwrites 4 bytes at {@code at} (e.g. a length written before its content was known). */
    public void putIntAt(int at, int v) {
        if (at < 0 || at + 4 > size) {
            throw new IndexOutOfBoundsException("putIntAt " + at + " with size " + size);
        }
        INT.set(buf, at, v);
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
        INT.set(buf, size, v);
        size += 4;
        return this;
    }

    public JuteWriter writeLong(long v) {
        ensure(8);
        LONG.set(buf, size, v);
        size += 8;
        return this;
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

    /**
     * Writes a length-prefixed string in ZooKeeper's encoding; null is written as length -1. One pass: ASCII
     * characters are copied until the first other one, from which on the rest is encoded at up to 3 bytes each.
     */
    public JuteWriter writeString(String s) {
        if (s == null) {
            return writeInt(-1);
        }
        int n = s.length();
        ensure(4L + n);
        int lengthAt = size;
        int start = lengthAt + 4;
        byte[] b = buf;
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                break;
            }
            b[start + i] = (byte) c;
        }
        int end = i == n ? start + n : encodeFrom(s, i, start + i);
        INT.set(buf, lengthAt, end - start);
        size = end;
        return this;
    }

    private int encodeFrom(String s, int from, int at) {
        int n = s.length();
        ensureCapacity(at + 3L * (n - from));
        byte[] b = buf;
        int p = at;
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return p;
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

    private void ensure(long extra) {
        ensureCapacity(size + extra);
    }

    private void ensureCapacity(long needed) {
        if (needed > buf.length) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("jute output larger than 2 GiB");
            }
            buf = Arrays.copyOf(buf, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, 2L * buf.length)));
        }
    }
}
