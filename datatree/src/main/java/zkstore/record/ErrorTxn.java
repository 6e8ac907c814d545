package zkstore.record;

import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/** Body of an error entry (top level or inside a multi): a KeeperException code such as -110 NODEEXISTS. */
public record ErrorTxn(int err) implements TxnBody {

    @Override
    public void write(JuteWriter w) {
        w.writeInt(err);
    }

    public static ErrorTxn read(JuteReader r) throws FormatException {
        return new ErrorTxn(r.readInt("ErrorTxn.err"));
    }
}
