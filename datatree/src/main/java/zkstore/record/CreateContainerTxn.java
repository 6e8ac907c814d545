package zkstore.record;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/** Body of createContainer; {@code data} null means null node data (not copied), {@code acl} null a null vector. */
public record CreateContainerTxn(String path, byte[] data, List<Acl> acl, int parentCVersion) implements TxnBody, PathTxn {

    public CreateContainerTxn {
        acl = Values.copy(acl);
    }

    @Override
    public void write(JuteWriter w) {
        w.writeString(path);
        w.writeBuffer(data);
        Acl.writeList(acl, w);
        w.writeInt(parentCVersion);
    }

    public static CreateContainerTxn read(JuteReader r) throws FormatException {
        String path = r.readString("CreateContainerTxn.path");
        byte[] data = r.readBuffer("CreateContainerTxn.data");
        List<Acl> acl = Acl.readList(r, "CreateContainerTxn.acl");
        int parentCVersion = r.readInt("CreateContainerTxn.parentCVersion");
        return new CreateContainerTxn(path, data, acl, parentCVersion);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreateContainerTxn c && Objects.equals(path, c.path) && Arrays.equals(data, c.data)
                && Objects.equals(acl, c.acl) && parentCVersion == c.parentCVersion;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(data), acl, parentCVersion);
    }

    @Override
    public String toString() {
        return "CreateContainerTxn[path=" + path + ", data=" + Values.describe(data) + ", acl=" + acl
                + ", parentCVersion=" + parentCVersion + "]";
    }
}
