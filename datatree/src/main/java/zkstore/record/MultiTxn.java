package zkstore.record;

import java.util.List;
import zkstore.jute.JuteWriter;

/** Body of multi: its ops in order; a failed multi holds error entries (see FORMATS.md §3.3). */
public record MultiTxn(List<SubTxn> txns) implements TxnBody {

    public MultiTxn {
        txns = List.copyOf(txns);
    }

    @Override
    public void write(JuteWriter w) {
        w.writeInt(txns.size());
        for (SubTxn t : txns) {
            w.writeInt(t.type());
            int lengthAt = w.size();
            w.writeInt(0);
            t.body().write(w);
            w.putIntAt(lengthAt, w.size() - lengthAt - 4);
        }
    }
}
