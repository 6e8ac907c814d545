package zkstore.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.Adler32;
import zkstore.record.FileHeader;
import zkstore.record.TxnCodec;
import zkstore.record.TxnRecord;

/** Builds txn log file images by hand (header, then checksum/length/payload/0x42 frames), per FORMATS.md §3. */
public final class LogFileBytes {

    private LogFileBytes() {
    }

    public static byte[] header() {
        return ByteBuffer.allocate(FileHeader.BYTES).putInt(FileHeader.LOG_MAGIC).putInt(2).putLong(0).array();
    }

    public static byte[] frame(byte[] payload) {
        Adler32 adler = new Adler32();
        adler.update(payload);
        return ByteBuffer.allocate(13 + payload.length).putLong(adler.getValue()).putInt(payload.length).put(payload)
                .put((byte) 0x42).array();
    }

    /** A log file holding {@code records} encoded by zkstore, followed by {@code zeroTail} zero bytes. */
    public static byte[] file(List<TxnRecord> records, int zeroTail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header());
        for (TxnRecord r : records) {
            out.writeBytes(frame(TxnCodec.encodePayload(r)));
        }
        out.writeBytes(new byte[zeroTail]);
        return out.toByteArray();
    }
}
