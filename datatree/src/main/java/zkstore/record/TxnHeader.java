package zkstore.record;

import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/**
 * The 32-byte header of every logged txn: session id, client xid, zxid, leader wall-clock time (ms since
 * the epoch) and op code ({@link OpCode}).
 */
public record TxnHeader(long clientId, int cxid, long zxid, long time, int type) {

    /** Encoded size in bytes. */
    public static final int BYTES = 32;

    public void write(JuteWriter w) {
        w.writeLong(clientId).writeInt(cxid).writeLong(zxid).writeLong(time).writeInt(type);
    }

    public static TxnHeader read(JuteReader r) throws FormatException {
        return new TxnHeader(r.readLong("TxnHeader.clientId"), r.readInt("TxnHeader.cxid"),
                r.readLong("TxnHeader.zxid"), r.readLong("TxnHeader.time"), r.readInt("TxnHeader.type"));
    }
}
