package zkstore.record;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/** Body of createTTL; {@code ttl} in ms. {@code data} null means null node data (not copied). */
public record CreateTtlTxn(String path, byte[] data, List<Acl> acl, int parentCVersion, long ttl) implements TxnBody, PathTxn {

    public CreateTtlTxn {
        acl = Values.copy(acl);
    }

    @Override
    public void write(JuteWriter w) {
        w.writeString(path);
        w.writeBuffer(data);
        Acl.writeList(acl, w);
        w.writeInt(parentCVersion);
        w.writeLong(ttl);
    }

    public static CreateTtlTxn read(JuteReader r) throws FormatException {
        String path = r.readString("CreateTTLTxn.path");
        byte[] data = r.readBuffer("CreateTTLTxn.data");
        List<Acl> acl = Acl.readList(r, "CreateTTLTxn.acl");
        int parentCVersion = r.readInt("CreateTTLTxn.parentCVersion");
        long ttl = r.readLong("CreateTTLTxn.ttl");
        return new CreateTtlTxn(path, data, acl, parentCVersion, ttl);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreateTtlTxn c && Objects.equals(path, c.path) && Arrays.equals(data, c.data)
                && Objects.equals(acl, c.acl) && parentCVersion == c.parentCVersion && ttl == c.ttl;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(data), acl, parentCVersion, ttl);
    }

    @Override
    public String toString() {
        return "CreateTtlTxn[path=" + path + ", data=" + Values.describe(data) + ", acl=" + acl
                + ", parentCVersion=" + parentCVersion + ", ttl=" + ttl + "]";
    }
}
