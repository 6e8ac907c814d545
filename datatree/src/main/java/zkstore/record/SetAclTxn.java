package zkstore.record;

import java.util.List;
import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/** Body of setACL; {@code version} is the resulting aversion, {@code acl} null a null vector. */
public record SetAclTxn(String path, List<Acl> acl, int version) implements TxnBody, PathTxn {

    public SetAclTxn {
        acl = Values.copy(acl);
    }

    @Override
    public void write(JuteWriter w) {
        w.writeString(path);
        Acl.writeList(acl, w);
        w.writeInt(version);
    }

    public static SetAclTxn read(JuteReader r) throws FormatException {
        String path = r.readString("SetACLTxn.path");
        List<Acl> acl = Acl.readList(r, "SetACLTxn.acl");
        int version = r.readInt("SetACLTxn.version");
        return new SetAclTxn(path, acl, version);
    }
}
