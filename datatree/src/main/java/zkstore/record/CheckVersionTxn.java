package zkstore.record;

import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/** Body of check (only inside a multi). */
public record CheckVersionTxn(String path, int version) implements TxnBody, PathTxn {

    @Override
    public void write(JuteWriter w) {
        w.writeString(path);
        w.writeInt(version);
    }

    public static CheckVersionTxn read(JuteReader r) throws FormatException {
        String path = r.readString("CheckVersionTxn.path");
        return new CheckVersionTxn(path, r.readInt("CheckVersionTxn.version"));
    }
}
