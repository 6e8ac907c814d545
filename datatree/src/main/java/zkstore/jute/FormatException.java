package zkstore.jute;

import java.io.IOException;

/**
 * The one error for bad bytes on disk: names the field, the expected and actual values, and where
 * (file, absolute offset, zxid) as far as they are known. {@link #truncated()} tells a torn or short
 * input (the bytes ran out) from invalid content (the bytes are there but wrong).
 */
public final class FormatException extends IOException {

    private final String detail;
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
        this(detail, file, offset, zxid, truncated, false, cause);
    }

    private FormatException(String detail, String file, long offset, Long zxid, boolean truncated,
            boolean offsetInUncompressedStream, Throwable cause) {
        super(compose(detail, file, offset, zxid, offsetInUncompressedStream), cause);
        this.detail = detail;
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

    /** The message without the file/offset/zxid context. */
    public String detail() {
        return detail;
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
        return copy(this.file != null ? this.file : file, offset, zxid, offsetInUncompressedStream);
    }

    /** A copy naming the zxid of the transaction being read (kept as is if already set). */
    public FormatException withZxid(long zxid) {
        return copy(file, offset, this.zxid != null ? this.zxid : Long.valueOf(zxid), offsetInUncompressedStream);
    }

    /** A copy whose offset is shifted by {@code base}, for readers over a region that did not know its base. */
    public FormatException withOffsetBase(long base) {
        return copy(file, offset < 0 ? offset : offset + base, zxid, offsetInUncompressedStream);
    }

    /**
     * A copy whose message says the offset counts bytes of the uncompressed stream (a {@code .gz} or
     * {@code .snappy} file), which a hex editor on the stored file cannot find; {@link #offset()} is unchanged.
     */
    public FormatException withOffsetInUncompressedStream() {
        return offsetInUncompressedStream ? this : copy(file, offset, zxid, true);
    }

    private FormatException copy(String newFile, long newOffset, Long newZxid, boolean uncompressed) {
        FormatException copy =
                new FormatException(detail, newFile, newOffset, newZxid, truncated, uncompressed, getCause());
        copy.setStackTrace(getStackTrace());
        for (Throwable s : getSuppressed()) {
            copy.addSuppressed(s);
        }
        return copy;
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
                sb.append(sep).append("offset ").append(offset).append(" (0x").append(Long.toHexString(offset)).append(')');
                if (uncompressed) {
                    sb.append(" of the uncompressed stream");
                }
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
