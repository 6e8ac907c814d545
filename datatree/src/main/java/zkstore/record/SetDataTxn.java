package zkstore.record;

import java.util.Arrays;
import java.util.Objects;
import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/**
 * Body of setData and of reconfig (logged as a setData of /zookeeper/config); {@code version} is the
 * resulting version. {@code data} null means null data (not copied).
 */
public record SetDataTxn(String path, byte[] data, int version) implements TxnBody, PathTxn {

    @Override
    public void write(JuteWriter w) {
        w.writeString(path);
        w.writeBuffer(data);
        w.writeInt(version);
    }

    public static SetDataTxn read(JuteReader r) throws FormatException {
        String path = r.readString("SetDataTxn.path");
        byte[] data = r.readBuffer("SetDataTxn.data");
        int version = r.readInt("SetDataTxn.version");
        return new SetDataTxn(path, data, version);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SetDataTxn s && Objects.equals(path, s.path) && Arrays.equals(data, s.data)
                && version == s.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(data), version);
    }

    @Override
    public String toString() {
        return "SetDataTxn[path=" + path + ", data=" + Values.describe(data) + ", version=" + version + "]";
    }
}
