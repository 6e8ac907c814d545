package zkstore.record;

import java.util.ArrayList;
import java.util.List;
import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/**
 * Body of closeSession: the session's ephemeral paths at close time (3.6+). {@code paths2Delete} null is
 * the body-less 3.4/3.5 form, which writes nothing; {@link #BODYLESS} is that value.
 */
public record CloseSessionTxn(List<String> paths2Delete) implements TxnBody {

    /** The body-less form of 3.4/3.5 logs. */
    public static final CloseSessionTxn BODYLESS = new CloseSessionTxn(null);

    public CloseSessionTxn {
        paths2Delete = Values.copy(paths2Delete);
    }

    /** True for the body-less 3.4/3.5 form. */
    public boolean bodyless() {
        return paths2Delete == null;
    }

    @Override
    public void write(JuteWriter w) {
        if (paths2Delete == null) {
            return;
        }
        w.writeInt(paths2Delete.size());
        for (String p : paths2Delete) {
            w.writeString(p);
        }
    }

    /**
     * Reads the 3.6+ body path by path as ZooKeeper does (the count only bounds the loop; each path checks
     * its own length), so a count too large for the input ends in a truncation error unless an invalid
     * path comes first. A null vector (count -1) reads as an empty list, which ZooKeeper applies the same
     * way; ZooKeeper never writes one.
     */
    public static CloseSessionTxn read(JuteReader r) throws FormatException {
        int n = r.readCount("CloseSessionTxn.paths2Delete", 0);
        List<String> paths = new ArrayList<>(Math.min(Math.max(n, 0), r.remaining() / 4));
        for (int i = 0; i < n; i++) {
            paths.add(r.readString("CloseSessionTxn.paths2Delete[]"));
        }
        return new CloseSessionTxn(paths);
    }
}
