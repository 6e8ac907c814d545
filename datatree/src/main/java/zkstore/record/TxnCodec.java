package zkstore.record;

import java.util.ArrayList;
import java.util.List;
import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/**
 * Encodes and decodes log-entry payloads (header, body, optional digest) following ZooKeeper 3.9's
 * reader (FORMATS.md §3.3): an optional closeSession body, the legacy create fallback, a digest present
 * iff at least 12 bytes remain after the body, trailing bytes ignored. A failure whose cause is the
 * payload ending early is flagged {@link FormatException#truncated()}, where ZooKeeper sees an EOF.
 */
public final class TxnCodec {

    private static final int MIN_SUB_TXN_BYTES = 8;

    private TxnCodec() {
    }

    /** Decodes one payload from the reader's remaining bytes (trailing bytes after the digest are skipped). */
    public static TxnRecord decodePayload(JuteReader r) throws FormatException {
        TxnHeader header = TxnHeader.read(r);
        long typeOffset = r.offset() - 4;
        if (!OpCode.isTopLevel(header.type())) {
            throw r.error("Unsupported Txn with type=" + header.type(), typeOffset, false).withZxid(header.zxid());
        }
        try {
            TxnBody body = decodeBody(header.type(), r);
            TxnDigest digest = r.remaining() >= TxnDigest.BYTES ? TxnDigest.read(r) : null;
            r.skip(r.remaining(), "trailing bytes");
            return new TxnRecord(header, body, digest);
        } catch (FormatException e) {
            throw e.withZxid(header.zxid());
        }
    }

    /** Decodes one payload held in {@code payload}, offsets counted from 0. */
    public static TxnRecord decodePayload(byte[] payload) throws FormatException {
        return decodePayload(new JuteReader(payload));
    }

    /** Writes header, body (if not null) and digest (if not null). */
    public static void encodePayload(TxnRecord txn, JuteWriter w) {
        if (txn.body() != null && !accepts(txn.type(), txn.body())) {
            throw new IllegalArgumentException(OpCode.name(txn.type()) + " cannot carry " + txn.body());
        }
        txn.header().write(w);
        if (txn.body() != null) {
            encodeBody(txn.body(), w);
        }
        if (txn.digest() != null) {
            txn.digest().write(w);
        }
    }

    /** The payload bytes of {@code txn}. */
    public static byte[] encodePayload(TxnRecord txn) {
        JuteWriter w = new JuteWriter();
        encodePayload(txn, w);
        return w.toByteArray();
    }

    /** Writes a body's fields (a multi's sub-txns each as type + length-prefixed body). */
    public static void encodeBody(TxnBody body, JuteWriter w) {
        body.write(w);
    }

    /**
     * Decodes the body of a top-level txn of {@code type}: a closeSession whose body ends early is the
     * body-less form (the reader is then at the end), a create whose body ends early is re-read as the
     * legacy V0 form. An unknown type fails with "Unsupported Txn with type=N".
     */
    public static TxnBody decodeBody(int type, JuteReader r) throws FormatException {
        int start = r.position();
        switch (type) {
            case OpCode.CREATE_SESSION:
                return CreateSessionTxn.read(r);
            case OpCode.CLOSE_SESSION:
                try {
                    return CloseSessionTxn.read(r);
                } catch (FormatException e) {
                    if (!e.truncated()) {
                        throw e;
                    }
                    r.skip(r.remaining(), "closeSession");
                    return CloseSessionTxn.BODYLESS;
                }
            case OpCode.CREATE:
                try {
                    return CreateTxn.read(r);
                } catch (FormatException e) {
                    if (!e.truncated()) {
                        throw e;
                    }
                    r.rewind(start);
                    return CreateTxn.readV0(r);
                }
            case OpCode.CREATE2:
                return CreateTxn.read(r);
            case OpCode.CREATE_TTL:
                return CreateTtlTxn.read(r);
            case OpCode.CREATE_CONTAINER:
                return CreateContainerTxn.read(r);
            case OpCode.DELETE:
            case OpCode.DELETE_CONTAINER:
                return DeleteTxn.read(r);
            case OpCode.SET_DATA:
            case OpCode.RECONFIG:
                return SetDataTxn.read(r);
            case OpCode.SET_ACL:
                return SetAclTxn.read(r);
            case OpCode.ERROR:
                return ErrorTxn.read(r);
            case OpCode.MULTI:
                return readMulti(r);
            default:
                throw r.error("Unsupported Txn with type=" + type, r.offset(), false);
        }
    }

    /**
     * Decodes the body of a multi's sub-txn of {@code type} from its data buffer (no fallbacks; bytes
     * after the body are ignored, as ZooKeeper ignores them). Types ZooKeeper cannot apply inside a
     * multi fail with "Invalid type of op: N".
     */
    public static TxnBody decodeSubTxnBody(int type, JuteReader r) throws FormatException {
        return switch (type) {
            case OpCode.CREATE, OpCode.CREATE2 -> CreateTxn.read(r);
            case OpCode.CREATE_TTL -> CreateTtlTxn.read(r);
            case OpCode.CREATE_CONTAINER -> CreateContainerTxn.read(r);
            case OpCode.DELETE, OpCode.DELETE_CONTAINER -> DeleteTxn.read(r);
            case OpCode.SET_DATA -> SetDataTxn.read(r);
            case OpCode.ERROR -> ErrorTxn.read(r);
            case OpCode.CHECK -> CheckVersionTxn.read(r);
            default -> throw r.error("Invalid type of op: " + type, r.offset(), false);
        };
    }

    /** True if a txn of {@code type} (top level or inside a multi) carries a body of {@code body}'s class. */
    public static boolean accepts(int type, TxnBody body) {
        return switch (type) {
            case OpCode.CREATE, OpCode.CREATE2 -> body instanceof CreateTxn;
            case OpCode.CREATE_TTL -> body instanceof CreateTtlTxn;
            case OpCode.CREATE_CONTAINER -> body instanceof CreateContainerTxn;
            case OpCode.DELETE, OpCode.DELETE_CONTAINER -> body instanceof DeleteTxn;
            case OpCode.SET_DATA, OpCode.RECONFIG -> body instanceof SetDataTxn;
            case OpCode.SET_ACL -> body instanceof SetAclTxn;
            case OpCode.CHECK -> body instanceof CheckVersionTxn;
            case OpCode.CREATE_SESSION -> body instanceof CreateSessionTxn;
            case OpCode.CLOSE_SESSION -> body instanceof CloseSessionTxn;
            case OpCode.ERROR -> body instanceof ErrorTxn;
            case OpCode.MULTI -> body instanceof MultiTxn;
            default -> false;
        };
    }

    private static MultiTxn readMulti(JuteReader r) throws FormatException {
        long countAt = r.offset();
        int n = r.readCount("MultiTxn.txns", MIN_SUB_TXN_BYTES);
        if (n < 0) {
            throw r.error("MultiTxn.txns: null vector (expected a count >= 0)", countAt, false);
        }
        List<SubTxn> txns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int type = r.readInt("MultiTxn.txns[].type");
            long dataAt = r.offset();
            JuteReader data = r.readBufferAsReader("MultiTxn.txns[].data");
            if (data == null) {
                throw r.error("MultiTxn.txns[" + i + "].data: null buffer (expected the sub-txn body)", dataAt, false);
            }
            int size = data.remaining();
            try {
                txns.add(new SubTxn(type, decodeSubTxnBody(type, data)));
            } catch (FormatException e) {
                throw r.error(e.detail() + " (inside MultiTxn.txns[" + i + "].data of " + size + " bytes)",
                        e.offset(), false);
            }
        }
        return new MultiTxn(txns);
    }
}
