package zkstore.oracle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.server.TxnLogEntry;
import org.apache.zookeeper.server.persistence.Util;
import org.apache.zookeeper.server.util.SerializeUtils;
import zkstore.record.OpCode;
import zkstore.record.TxnRecord;

/**
 * Bytes as ZooKeeper 3.9.3 itself writes and reads them: its {@code BinaryOutputArchive} /
 * {@code BinaryInputArchive}, {@code Util.marshallTxnEntry} and {@code SerializeUtils.deserializeTxn}.
 * The reference for differential tests of anything jute-encoded.
 */
public final class ZooKeeperBytes {

    /** ZooKeeper's default buffer/string length limit (jute.maxbuffer + extrasize). */
    public static final int DEFAULT_LIMIT = 2 * 0xFFFFF;

    private ZooKeeperBytes() {
    }

    /** Serializes a ZooKeeper record with ZooKeeper's archive; null gives an empty array. */
    public static byte[] serialize(Record r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (r != null) {
                r.serialize(BinaryOutputArchive.getArchive(out), "r");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Deserializes {@code bytes} into {@code into} with ZooKeeper's archive and default limits. */
    public static <T extends Record> T deserialize(byte[] bytes, T into) throws IOException {
        into.deserialize(archive(bytes), "r");
        return into;
    }

    /** A ZooKeeper input archive over {@code bytes} with the default length limit. */
    public static BinaryInputArchive archive(byte[] bytes) {
        return new BinaryInputArchive(new DataInputStream(new ByteArrayInputStream(bytes)), 0xFFFFF, 0xFFFFF);
    }

    /** ZooKeeper's bytes for a string (length prefix included). */
    public static byte[] writeString(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BinaryOutputArchive.getArchive(out).writeString(s, "s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** ZooKeeper's payload bytes (header, body, digest) for zkstore's record, built through the field converters. */
    public static byte[] marshal(TxnRecord txn) {
        try {
            return Util.marshallTxnEntry(ZooKeeperRecords.toZk(txn.header()), ZooKeeperRecords.toZkBody(txn.body()),
                    ZooKeeperRecords.toZk(txn.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ZooKeeper's decoding of a payload (throws what ZooKeeper throws). */
    public static TxnLogEntry unmarshal(byte[] payload) throws IOException {
        return SerializeUtils.deserializeTxn(payload);
    }

    /** ZooKeeper's decoding of a payload, converted to zkstore's record. */
    public static TxnRecord decodeLikeZooKeeper(byte[] payload) throws IOException {
        return ZooKeeperRecords.fromZk(unmarshal(payload));
    }

    /** A fresh ZooKeeper record for a multi's sub-txn of {@code type}, as ZooKeeper's DataTree picks it. */
    public static Record newSubTxnRecord(int type) throws IOException {
        return switch (type) {
            case OpCode.CREATE, OpCode.CREATE2 -> new org.apache.zookeeper.txn.CreateTxn();
            case OpCode.CREATE_TTL -> new org.apache.zookeeper.txn.CreateTTLTxn();
            case OpCode.CREATE_CONTAINER -> new org.apache.zookeeper.txn.CreateContainerTxn();
            case OpCode.DELETE, OpCode.DELETE_CONTAINER -> new org.apache.zookeeper.txn.DeleteTxn();
            case OpCode.SET_DATA -> new org.apache.zookeeper.txn.SetDataTxn();
            case OpCode.ERROR -> new org.apache.zookeeper.txn.ErrorTxn();
            case OpCode.CHECK -> new org.apache.zookeeper.txn.CheckVersionTxn();
            default -> throw new IOException("Invalid type of op: " + type);
        };
    }

    /** Parses a multi's sub-txn data as ZooKeeper's DataTree does. */
    public static Record deserializeSubTxn(int type, byte[] data) throws IOException {
        return deserialize(data, newSubTxnRecord(type));
    }
}
