package zkstore.record;

import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/** Body of createSession: the negotiated session timeout in ms. */
public record CreateSessionTxn(int timeOut) implements TxnBody {

    @Override
    public void write(JuteWriter w) {
        w.writeInt(timeOut);
    }

    public static CreateSessionTxn read(JuteReader r) throws FormatException {
        return new CreateSessionTxn(r.readInt("CreateSessionTxn.timeOut"));
    }
}
