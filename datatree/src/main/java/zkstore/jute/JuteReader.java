package zkstore.jute;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads ZooKeeper's jute binary encoding (big-endian) from a region of bytes that knows its absolute
 * offset in its source. Lengths and counts are checked against the bytes left and a configured limit
 * before anything is allocated; every failure is a {@link FormatException} naming the field and the
 * absolute offset of the value that was wrong.
 */
public final class JuteReader {

    /** ZooKeeper's default limit on one buffer or string: jute.maxbuffer + extrasize = 2 * 0xFFFFF. */
    public static final int DEFAULT_MAX_LENGTH = JuteMaxBuffer.DEFAULT.limit();

    private final ByteBuffer buf;
    private final int start;
    private final int end;
    private final long baseOffset;
    private final String source;
    private final int maxLength;
    private int pos;

    /** A reader over all of {@code bytes}, offsets counted from 0, default length limit. */
    public JuteReader(byte[] bytes) {
        this(ByteBuffer.wrap(bytes), 0, null, DEFAULT_MAX_LENGTH);
    }

    /**
     * A reader over {@code region}'s remaining bytes (its position and limit are not changed); offsets
     * reported in errors are {@code baseOffset} plus the distance from the region's position.
     *
     * @param source    file name or other description used in errors, may be null
     * @param maxLength largest accepted buffer/string length in bytes
     */
    public JuteReader(ByteBuffer region, long baseOffset, String source, int maxLength) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must be >= 0: " + maxLength);
        }
        this.buf = region.duplicate().order(ByteOrder.BIG_ENDIAN);
        this.start = region.position();
        this.end = region.limit();
        this.baseOffset = baseOffset;
        this.source = source;
        this.maxLength = maxLength;
        this.pos = start;
    }

    /** A reader over {@code length} bytes of {@code bytes} starting at {@code from}, with the given context. */
    public static JuteReader of(byte[] bytes, int from, int length, long baseOffset, String source, int maxLength) {
        return new JuteReader(ByteBuffer.wrap(bytes, from, length), baseOffset, source, maxLength);
    }

    /** Bytes consumed since the start of the region. */
    public int position() {
        return pos - start;
    }

    /** Absolute offset (in the source) of the next byte to be read. */
    public long offset() {
        return baseOffset + (pos - start);
    }

    /** Bytes left in the region. */
    public int remaining() {
        return end - pos;
    }

    /** The source name given at construction (may be null). */
    public String source() {
        return source;
    }

    /** The largest buffer/string length this reader accepts. */
    public int maxLength() {
        return maxLength;
    }

    /** Moves back to a position previously returned by {@link #position()}. */
    public void rewind(int position) {
        if (position < 0 || position > pos - start) {
            throw new IllegalArgumentException("cannot rewind to " + position + " from " + (pos - start));
        }
        pos = start + position;
    }

    /** Skips {@code n} bytes, failing as truncated if fewer are left. */
    public void skip(int n, String field) throws FormatException {
        require(n, field);
        pos += n;
    }

    public byte readByte(String field) throws FormatException {
        require(1, field);
        return buf.get(pos++);
    }

    /** Reads a jute boolean: any non-zero byte is true, as ZooKeeper reads it. */
    public boolean readBool(String field) throws FormatException {
        return readByte(field) != 0;
    }

    public int readInt(String field) throws FormatException {
        require(4, field);
        int v = buf.getInt(pos);
        pos += 4;
        return v;
    }

    public long readLong(String field) throws FormatException {
        require(8, field);
        long v = buf.getLong(pos);
        pos += 8;
        return v;
    }

    /** Reads a length-prefixed buffer; a length of -1 gives null. */
    public byte[] readBuffer(String field) throws FormatException {
        int len = readLength(field);
        if (len < 0) {
            return null;
        }
        byte[] out = new byte[len];
        buf.get(pos, out);
        pos += len;
        return out;
    }

    /**
     * Reads a length-prefixed string as ZooKeeper does: standard UTF-8 with U+FFFD for malformed
     * sequences (so ZooKeeper's 6-byte encoding of a non-BMP character reads back as two U+FFFD).
     * A length of -1 gives null.
     */
    public String readString(String field) throws FormatException {
        int len = readLength(field);
        if (len < 0) {
            return null;
        }
        String s;
        if (buf.hasArray()) {
            s = new String(buf.array(), buf.arrayOffset() + pos, len, StandardCharsets.UTF_8);
        } else {
            byte[] bytes = new byte[len];
            buf.get(pos, bytes);
            s = new String(bytes, StandardCharsets.UTF_8);
        }
        pos += len;
        return s;
    }

    /**
     * Reads a vector count: -1 (null vector) is returned as is; any other negative count, or a count
     * whose elements of at least {@code minBytesPerElement} bytes each cannot fit in the bytes left,
     * fails (the latter as truncated).
     */
    public int readCount(String field, int minBytesPerElement) throws FormatException {
        long at = offset();
        int count = readInt(field);
        if (count == -1) {
            return -1;
        }
        if (count < 0) {
            throw error(field + ": negative count " + count + " (expected -1 for null or >= 0)", at, false);
        }
        long needed = (long) count * Math.max(0, minBytesPerElement);
        if (needed > remaining()) {
            throw error(field + ": count " + count + " needs at least " + needed + " bytes, only "
                    + remaining() + " left", at, true);
        }
        return count;
    }

    /**
     * Reads a buffer's length and returns a reader over its bytes (advancing past them), for records
     * nested in a buffer; a null buffer (-1) gives null.
     */
    public JuteReader readBufferAsReader(String field) throws FormatException {
        int len = readLength(field);
        if (len < 0) {
            return null;
        }
        JuteReader sub = slice(len);
        pos += len;
        return sub;
    }

    /** Takes the next {@code n} bytes as a reader of their own (advancing past them). */
    public JuteReader readRegion(int n, String field) throws FormatException {
        require(n, field);
        JuteReader sub = slice(n);
        pos += n;
        return sub;
    }

    /** Builds a FormatException at {@code offset} carrying this reader's source name. */
    public FormatException error(String detail, long offset, boolean truncated) {
        return new FormatException(detail, source, offset, null, truncated, null);
    }

    private JuteReader slice(int n) {
        ByteBuffer region = buf.duplicate();
        region.limit(pos + n).position(pos);
        return new JuteReader(region, offset(), source, maxLength);
    }

    private int readLength(String field) throws FormatException {
        long at = offset();
        int len = readInt(field);
        if (len == -1) {
            return -1;
        }
        if (len < 0) {
            throw error(field + ": Unreasonable length = " + len + " (expected -1 for null or 0.." + maxLength + ")", at, false);
        }
        if (len > maxLength) {
            throw error(field + ": Unreasonable length = " + len + " (limit " + maxLength + ")", at, false);
        }
        if (len > remaining()) {
            throw error(field + ": length " + len + " but only " + remaining() + " bytes left", at, true);
        }
        return len;
    }

    private void require(int n, String field) throws FormatException {
        if (n < 0) {
            throw error(field + ": negative size " + n, offset(), false);
        }
        if (remaining() < n) {
            throw error(field + ": needs " + n + " bytes, only " + remaining() + " left", offset(), true);
        }
    }
}
