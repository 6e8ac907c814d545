package zkstore.record;

import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/** The 16-byte header of log and snapshot files: magic, format version, database id. */
public record FileHeader(int magic, int version, long dbid) {

    /** Encoded size in bytes. */
    public static final int BYTES = 16;
    /** "ZKLG", the txn log magic. */
    public static final int LOG_MAGIC = 0x5A4B4C47;
    /** "ZKSN", the snapshot magic. */
    public static final int SNAP_MAGIC = 0x5A4B534E;

    public void write(JuteWriter w) {
        w.writeInt(magic).writeInt(version).writeLong(dbid);
    }

    public static FileHeader read(JuteReader r) throws FormatException {
        return new FileHeader(r.readInt("FileHeader.magic"), r.readInt("FileHeader.version"), r.readLong("FileHeader.dbid"));
    }
}
