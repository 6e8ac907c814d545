package zkstore.record;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/** One ACL entry: permission bits ({@link Perms}) granted to an identity. */
public record Acl(int perms, Id id) {

    /** [(ALL, world:anyone)]. */
    public static final List<Acl> OPEN_ACL_UNSAFE = List.of(new Acl(Perms.ALL, Id.ANYONE));
    /** [(READ, world:anyone)]. */
    public static final List<Acl> READ_ACL_UNSAFE = List.of(new Acl(Perms.READ, Id.ANYONE));

    /** Smallest encoded ACL: perms int plus two null strings. */
    static final int MIN_BYTES = 12;

    public void write(JuteWriter w) {
        w.writeInt(perms);
        id.write(w);
    }

    public static Acl read(JuteReader r) throws FormatException {
        int perms = r.readInt("ACL.perms");
        return new Acl(perms, Id.read(r));
    }

    /** Writes a vector of ACLs; null is written as count -1. */
    public static void writeList(List<Acl> acls, JuteWriter w) {
        if (acls == null) {
            w.writeInt(-1);
            return;
        }
        w.writeInt(acls.size());
        for (Acl a : acls) {
            a.write(w);
        }
    }

    /** Reads a vector of ACLs; count -1 gives null. */
    public static List<Acl> readList(JuteReader r, String field) throws FormatException {
        int n = r.readCount(field, MIN_BYTES);
        if (n < 0) {
            return null;
        }
        List<Acl> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(read(r));
        }
        return Collections.unmodifiableList(out);
    }
}
