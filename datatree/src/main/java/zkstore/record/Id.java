package zkstore.record;

import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/** An ACL identity: a scheme ("world", "digest", "ip", ...) and an id within it; either may be null on disk. */
public record Id(String scheme, String id) {

    /** world:anyone, the identity of the open ACLs. */
    public static final Id ANYONE = new Id("world", "anyone");

    public void write(JuteWriter w) {
        w.writeString(scheme);
        w.writeString(id);
    }

    public static Id read(JuteReader r) throws FormatException {
        String scheme = r.readString("Id.scheme");
        String id = r.readString("Id.id");
        return new Id(scheme, id);
    }
}
