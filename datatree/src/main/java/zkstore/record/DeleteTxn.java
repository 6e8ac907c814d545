package zkstore.record;

import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/** Body of delete and deleteContainer. */
public record DeleteTxn(String path) implements TxnBody, PathTxn {

    @Override
    public void write(JuteWriter w) {
        w.writeString(path);
    }

    public static DeleteTxn read(JuteReader r) throws FormatException {
        return new DeleteTxn(r.readString("DeleteTxn.path"));
    }
}
