package zkstore.record;

import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/** A znode's stat as clients see it, in ZooKeeper's wire order (68 bytes; never stored on disk). */
public record Stat(long czxid, long mzxid, long ctime, long mtime, int version, int cversion, int aversion,
                   long ephemeralOwner, int dataLength, int numChildren, long pzxid) {

    /** Encoded size in bytes. */
    public static final int BYTES = 68;

    public void write(JuteWriter w) {
        w.writeLong(czxid).writeLong(mzxid).writeLong(ctime).writeLong(mtime);
        w.writeInt(version).writeInt(cversion).writeInt(aversion);
        w.writeLong(ephemeralOwner).writeInt(dataLength).writeInt(numChildren).writeLong(pzxid);
    }

    public static Stat read(JuteReader r) throws FormatException {
        return new Stat(r.readLong("Stat.czxid"), r.readLong("Stat.mzxid"), r.readLong("Stat.ctime"),
                r.readLong("Stat.mtime"), r.readInt("Stat.version"), r.readInt("Stat.cversion"),
                r.readInt("Stat.aversion"), r.readLong("Stat.ephemeralOwner"), r.readInt("Stat.dataLength"),
                r.readInt("Stat.numChildren"), r.readLong("Stat.pzxid"));
    }
}
