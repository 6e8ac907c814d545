package zkstore.jute;

import java.io.IOException;

/**
 * The one error for bad bytes on disk: names the field, the expected and actual values, and where
 * (file, absolute offset, zxid) as far as they are known. {@link #truncated()} tells a torn or short
 * input (the bytes ran out) from invalid content (the bytes are there but wrong).
 */
public final class FormatException extends IOException {
    /** What follows an offset, or a range of them, that counts bytes of a compressed file's uncompressed stream. */
    public static final String UNCOMPRESSED_STREAM = " of the uncompressed stream";

    /** The message's text, or its part before the second offset it names. */
    private final String detail;
    /** A second offset of the same input that the message names, or -1; rendered like {@link #offset}. */
    private final long otherOffset;
    /** The message's text after {@link #otherOffset} (empty when there is none). */
    private final String detailAfter;
    private final String file;
    private final long offset;
    private final Long zxid;
    private final boolean truncated;
    /** True when {@link #offset} counts bytes of a decompressed stream, not of the file as stored. */
    private final boolean offsetInUncompressedStream;

    /** Creates an exception about invalid content at an absolute offset (-1 if unknown). */
    public FormatException(String detail, long offset) {
        this(detail, null, offset, null, false, null);
    }

    /** Creates an exception with every piece of context given explicitly. */
    public FormatException(String detail, String file, long offset, Long zxid, boolean truncated, Throwable cause) {
        this(detail, -1, "", file, offset, zxid, truncated, false, cause);
    }

    private FormatException(String detail, long otherOffset, String detailAfter, String file, long offset, Long zxid,
            boolean truncated, boolean offsetInUncompressedStream, Throwable cause) {
        super(compose(text(detail, otherOffset, detailAfter, offsetInUncompressedStream), file, offset, zxid,
                offsetInUncompressedStream), cause);
        this.detail = detail;
        this.otherOffset = otherOffset;
        this.detailAfter = detailAfter;
        this.file = file;
        this.offset = offset;
        this.zxid = zxid;
        this.truncated = truncated;
        this.offsetInUncompressedStream = offsetInUncompressedStream;
    }

    /** An exception saying the input ended before {@code field} could be read completely. */
    public static FormatException truncated(String detail, long offset) {
        return new FormatException(detail, null, offset, null, true, null);
    }

    /**
     * An exception about invalid content at {@code offset} whose message names a second offset of the same input:
     * {@code before}, that offset, {@code after}. The second offset is worded like the first, so it too says when
     * it counts bytes of an uncompressed stream.
     */
    public static FormatException namingOffset(String before, long otherOffset, String after, long offset) {
        return new FormatException(before, otherOffset, after, null, offset, null, false, false, null);
    }

    /** The message without the file/offset/zxid context. */
    public String detail() {
        return text(detail, otherOffset, detailAfter, offsetInUncompressedStream);
    }

    /** The second offset of the input that the message names, or -1. */
    public long otherOffset() {
        return otherOffset;
    }

    /** The file the bytes came from, or null if not known. */
    public String file() {
        return file;
    }

    /** Absolute byte offset of the bad field in its file or buffer, or -1 if unknown. */
    public long offset() {
        return offset;
    }

    /** The zxid of the transaction being read, or null if not known. */
    public Long zxid() {
        return zxid;
    }

    /** True when the input ended early (EOF inside a field), false when the bytes are present but invalid. */
    public boolean truncated() {
        return truncated;
    }

    /** True when {@link #offset()} counts bytes of the decompressed stream of a compressed file. */
    public boolean offsetInUncompressedStream() {
        return offsetInUncompressedStream;
    }

    /** A copy naming {@code file} (kept as is if this exception already names one). */
    public FormatException withFile(String file) {
        return copy(this.file != null ? this.file : file, zxid, offsetInUncompressedStream);
    }

    /** A copy naming {@code file} instead of the file it names (e.g. a bare name resolved against its directory). */
    public FormatException withFileReplaced(String file) {
        return copy(file, zxid, offsetInUncompressedStream);
    }

    /** A copy naming the zxid of the transaction being read (kept as is if already set). */
    public FormatException withZxid(long zxid) {
        return copy(file, this.zxid != null ? this.zxid : Long.valueOf(zxid), offsetInUncompressedStream);
    }

    /** A copy whose offsets are shifted by {@code base}, for readers over a region that did not know its base. */
    public FormatException withOffsetBase(long base) {
        FormatException copy = new FormatException(detail, otherOffset < 0 ? otherOffset : otherOffset + base,
                detailAfter, file, offset < 0 ? offset : offset + base, zxid, truncated, offsetInUncompressedStream,
                getCause());
        return keepTrace(copy);
    }

    /**
     * A copy whose message says the offset counts bytes of the uncompressed stream (a {@code .gz} or
     * {@code .snappy} file), which a hex editor on the stored file cannot find; {@link #offset()} is unchanged.
     */
    public FormatException withOffsetInUncompressedStream() {
        return offsetInUncompressedStream ? this : copy(file, zxid, true);
    }

    private FormatException copy(String newFile, Long newZxid, boolean uncompressed) {
        return keepTrace(new FormatException(detail, otherOffset, detailAfter, newFile, offset, newZxid,
                truncated, uncompressed, getCause()));
    }

    private FormatException keepTrace(FormatException copy) {
        copy.setStackTrace(getStackTrace());
        for (Throwable s : getSuppressed()) {
            copy.addSuppressed(s);
        }
        return copy;
    }

    private static String text(String detail, long otherOffset, String detailAfter, boolean uncompressed) {
        return otherOffset < 0 ? detail + detailAfter : detail + offsetText(otherOffset, uncompressed) + detailAfter;
    }

    /**
     * How an offset is worded in messages: {@code N (0xN)}, followed by {@link #UNCOMPRESSED_STREAM} when it counts
     * bytes of a compressed file's uncompressed stream.
     */
    public static String offsetText(long offset, boolean uncompressed) {
        return offset + " (0x" + Long.toHexString(offset) + ")" + (uncompressed ? UNCOMPRESSED_STREAM : "");
    }

    private static String compose(String detail, String file, long offset, Long zxid, boolean uncompressed) {
        StringBuilder sb = new StringBuilder(detail);
        if (file != null || offset >= 0 || zxid != null) {
            sb.append(" (");
            String sep = "";
            if (file != null) {
                sb.append("file ").append(file);
                sep = ", ";
            }
            if (offset >= 0) {
                sb.append(sep).append("offset ").append(offsetText(offset, uncompressed));
                sep = ", ";
            }
            if (zxid != null) {
                sb.append(sep).append("zxid 0x").append(Long.toHexString(zxid));
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
