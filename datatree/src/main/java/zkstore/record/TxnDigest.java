package zkstore.record;

import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/** The tree digest after a txn, appended to log payloads since 3.6 (12 bytes). */
public record TxnDigest(int version, long treeDigest) {

    /** Encoded size in bytes. */
    public static final int BYTES = 12;

    public void write(JuteWriter w) {
        w.writeInt(version).writeLong(treeDigest);
    }

    public static TxnDigest read(JuteReader r) throws FormatException {
        return new TxnDigest(r.readInt("TxnDigest.version"), r.readLong("TxnDigest.treeDigest"));
    }
}
