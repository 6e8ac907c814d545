package zkstore.record;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/**
 * Body of create and create2. {@code data} null means null node data (not copied); {@code acl} null is a
 * null vector. {@code legacyV0} marks the pre-3.3 form without parentCVersion (read with parentCVersion
 * -1), which is re-encoded without it.
 */
public record CreateTxn(String path, byte[] data, List<Acl> acl, boolean ephemeral, int parentCVersion,
                        boolean legacyV0) implements TxnBody, PathTxn {

    public CreateTxn {
        acl = Values.copy(acl);
        if (legacyV0 && parentCVersion != -1) {
            throw new IllegalArgumentException("a legacy V0 create has parentCVersion -1, not " + parentCVersion);
        }
    }

    /** The current (non-legacy) form. */
    public CreateTxn(String path, byte[] data, List<Acl> acl, boolean ephemeral, int parentCVersion) {
        this(path, data, acl, ephemeral, parentCVersion, false);
    }

    @Override
    public void write(JuteWriter w) {
        w.writeString(path);
        w.writeBuffer(data);
        Acl.writeList(acl, w);
        w.writeBool(ephemeral);
        if (!legacyV0) {
            w.writeInt(parentCVersion);
        }
    }

    /** Reads the current form. */
    public static CreateTxn read(JuteReader r) throws FormatException {
        String path = r.readString("CreateTxn.path");
        byte[] data = r.readBuffer("CreateTxn.data");
        List<Acl> acl = Acl.readList(r, "CreateTxn.acl");
        boolean ephemeral = r.readBool("CreateTxn.ephemeral");
        int parentCVersion = r.readInt("CreateTxn.parentCVersion");
        return new CreateTxn(path, data, acl, ephemeral, parentCVersion, false);
    }

    /** Reads the legacy V0 form (no parentCVersion). */
    public static CreateTxn readV0(JuteReader r) throws FormatException {
        String path = r.readString("CreateTxnV0.path");
        byte[] data = r.readBuffer("CreateTxnV0.data");
        List<Acl> acl = Acl.readList(r, "CreateTxnV0.acl");
        boolean ephemeral = r.readBool("CreateTxnV0.ephemeral");
        return new CreateTxn(path, data, acl, ephemeral, -1, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreateTxn c && Objects.equals(path, c.path) && Arrays.equals(data, c.data)
                && Objects.equals(acl, c.acl) && ephemeral == c.ephemeral && parentCVersion == c.parentCVersion
                && legacyV0 == c.legacyV0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(data), acl, ephemeral, parentCVersion, legacyV0);
    }

    @Override
    public String toString() {
        return "CreateTxn[path=" + path + ", data=" + Values.describe(data) + ", acl=" + acl + ", ephemeral="
                + ephemeral + ", parentCVersion=" + parentCVersion + (legacyV0 ? ", legacyV0" : "") + "]";
    }
}
