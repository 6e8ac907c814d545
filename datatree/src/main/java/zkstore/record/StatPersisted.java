package zkstore.record;

import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/** A znode's stat as stored in snapshots (60 bytes; times are ms since the epoch). */
public record StatPersisted(long czxid, long mzxid, long ctime, long mtime, int version, int cversion,
                            int aversion, long ephemeralOwner, long pzxid) {

    /** Encoded size in bytes. */
    public static final int BYTES = 60;

    public void write(JuteWriter w) {
        w.writeLong(czxid).writeLong(mzxid).writeLong(ctime).writeLong(mtime);
        w.writeInt(version).writeInt(cversion).writeInt(aversion);
        w.writeLong(ephemeralOwner).writeLong(pzxid);
    }

    public static StatPersisted read(JuteReader r) throws FormatException {
        return new StatPersisted(r.readLong("StatPersisted.czxid"), r.readLong("StatPersisted.mzxid"),
                r.readLong("StatPersisted.ctime"), r.readLong("StatPersisted.mtime"),
                r.readInt("StatPersisted.version"), r.readInt("StatPersisted.cversion"),
                r.readInt("StatPersisted.aversion"), r.readLong("StatPersisted.ephemeralOwner"),
                r.readLong("StatPersisted.pzxid"));
    }
}
