package zkstore.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import zkstore.record.Acl;
import zkstore.record.CheckVersionTxn;
import zkstore.record.CloseSessionTxn;
import zkstore.record.CreateContainerTxn;
import zkstore.record.CreateSessionTxn;
import zkstore.record.CreateTtlTxn;
import zkstore.record.CreateTxn;
import zkstore.record.DeleteTxn;
import zkstore.record.ErrorTxn;
import zkstore.record.FileHeader;
import zkstore.record.Id;
import zkstore.record.MultiTxn;
import zkstore.record.OpCode;
import zkstore.record.Perms;
import zkstore.record.SetAclTxn;
import zkstore.record.SetDataTxn;
import zkstore.record.Stat;
import zkstore.record.StatPersisted;
import zkstore.record.SubTxn;
import zkstore.record.TxnBody;
import zkstore.record.TxnDigest;
import zkstore.record.TxnHeader;
import zkstore.record.TxnRecord;

/**
 * Seeded random values of every record type, biased to the edges: null and empty strings, buffers and
 * ACL vectors, 2- and 3-byte characters, non-BMP characters and lone surrogates (unless
 * {@link #bmpOnly}), extreme numbers, failed multis with error entries, body-less closeSession and
 * legacy creates. Generated payloads are unambiguous: a body-less closeSession or a legacy create never
 * carries a digest (ZooKeeper's reader would misparse it), so every payload decodes back to itself.
 */
public final class RandomRecords {

    /** Top-level op codes of log entries. */
    public static final int[] TOP_LEVEL_TYPES = {
        OpCode.CREATE_SESSION, OpCode.CLOSE_SESSION, OpCode.ERROR, OpCode.CREATE, OpCode.DELETE, OpCode.SET_DATA,
        OpCode.SET_ACL, OpCode.MULTI, OpCode.CREATE2, OpCode.RECONFIG, OpCode.CREATE_CONTAINER,
        OpCode.DELETE_CONTAINER, OpCode.CREATE_TTL};
    /** Op codes of sub-txns inside a multi. */
    public static final int[] SUB_TXN_TYPES = {
        OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_TTL, OpCode.CREATE_CONTAINER, OpCode.DELETE,
        OpCode.DELETE_CONTAINER, OpCode.SET_DATA, OpCode.CHECK, OpCode.ERROR};

    private static final String[] SCHEMES = {"world", "digest", "ip", "auth", "super", "sasl", "x509"};
    private static final int[] ERROR_CODES = {0, -2, -5, -8, -101, -102, -103, -108, -110, -111, -114, -125};

    private final Random random;
    private final boolean bmpOnly;

    /** Values from {@code seed}, including strings that do not survive a write/read round trip. */
    public RandomRecords(long seed) {
        this(new Random(seed), false);
    }

    /**
     * @param bmpOnly when true, strings hold only characters that read back unchanged (no surrogates),
     *                so every generated record decodes to an equal record
     */
    public RandomRecords(Random random, boolean bmpOnly) {
        this.random = random;
        this.bmpOnly = bmpOnly;
    }

    /** The underlying random source. */
    public Random random() {
        return random;
    }

    /** A string: null, empty, a path-like ASCII string, or a mix of 1/2/3-byte (and non-BMP) characters. */
    public String string() {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return "";
        }
        if (kind < 10) {
            return path();
        }
        int len = random.nextInt(kind == 19 ? 200 : 12);
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            appendChar(sb);
        }
        return sb.toString();
    }

    /** A non-null slash-separated path of 1-4 components, sometimes with a 10-digit sequence suffix. */
    public String path() {
        int depth = 1 + random.nextInt(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append('/');
            int len = 1 + random.nextInt(8);
            for (int j = 0; j < len; j++) {
                if (random.nextInt(12) == 0) {
                    appendChar(sb);
                } else {
                    sb.append((char) ('a' + random.nextInt(26)));
                }
            }
        }
        if (random.nextInt(8) == 0) {
            sb.append(String.format("%010d", random.nextInt(Integer.MAX_VALUE)));
        }
        return sb.toString();
    }

    private void appendChar(StringBuilder sb) {
        int kind = random.nextInt(bmpOnly ? 4 : 6);
        switch (kind) {
            case 0 -> sb.append((char) random.nextInt(0x80));
            case 1 -> sb.append((char) (0x80 + random.nextInt(0x800 - 0x80)));
            case 2 -> {
                char c;
                do {
                    c = (char) (0x800 + random.nextInt(0x10000 - 0x800));
                } while (Character.isSurrogate(c) || c == '\uFFFD');
                sb.append(c);
            }
            case 3 -> sb.append((char) ('a' + random.nextInt(26)));
            case 4 -> sb.appendCodePoint(0x10000 + random.nextInt(0x100000));
            default -> sb.append((char) (0xD800 + random.nextInt(0x800)));
        }
    }

    /** Node data: null, empty, small, or occasionally a few KiB. */
    public byte[] data() {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return null;
        }
        int len = kind == 1 ? 0 : kind == 9 ? random.nextInt(4096) : random.nextInt(40);
        byte[] b = new byte[len];
        random.nextBytes(b);
        return b;
    }

    public Id id() {
        if (random.nextInt(3) == 0) {
            return Id.ANYONE;
        }
        String scheme = random.nextInt(10) == 0 ? string() : SCHEMES[random.nextInt(SCHEMES.length)];
        return new Id(scheme, string());
    }

    public Acl acl() {
        int perms = random.nextInt(8) == 0 ? random.nextInt() : random.nextInt(Perms.ALL + 1);
        return new Acl(perms, id());
    }

    /** An ACL list: null vector, empty, the open ACL or 1-5 random entries. */
    public List<Acl> acls() {
        int kind = random.nextInt(8);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return List.of();
        }
        if (kind < 4) {
            return Acl.OPEN_ACL_UNSAFE;
        }
        int n = 1 + random.nextInt(5);
        List<Acl> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(acl());
        }
        return out;
    }

    /** An int biased to 0, -1, small values and the extremes. */
    public int anInt() {
        return switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1 -> -1;
            case 2 -> random.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            case 3 -> random.nextInt(1000);
            default -> random.nextInt();
        };
    }

    /** A long biased to 0, -1, small values and the extremes. */
    public long aLong() {
        return switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1 -> -1;
            case 2 -> random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
            case 3 -> random.nextInt(100000);
            default -> random.nextLong();
        };
    }

    public StatPersisted statPersisted() {
        return new StatPersisted(aLong(), aLong(), aLong(), aLong(), anInt(), anInt(), anInt(), aLong(), aLong());
    }

    public Stat stat() {
        return new Stat(aLong(), aLong(), aLong(), aLong(), anInt(), anInt(), anInt(), aLong(), anInt(), anInt(), aLong());
    }

    public FileHeader fileHeader() {
        int magic = switch (random.nextInt(3)) {
            case 0 -> FileHeader.LOG_MAGIC;
            case 1 -> FileHeader.SNAP_MAGIC;
            default -> anInt();
        };
        return new FileHeader(magic, random.nextBoolean() ? 2 : anInt(), aLong());
    }

    public TxnHeader txnHeader(int type) {
        return new TxnHeader(aLong(), anInt(), aLong(), aLong(), type);
    }

    public TxnDigest digest() {
        return new TxnDigest(random.nextBoolean() ? 2 : anInt(), aLong());
    }

    /** One of the top-level op codes. */
    public int topLevelType() {
        return TOP_LEVEL_TYPES[random.nextInt(TOP_LEVEL_TYPES.length)];
    }

    /** A body for a top-level txn of {@code type} (a create may be legacy V0, a closeSession body-less). */
    public TxnBody body(int type) {
        return switch (type) {
            case OpCode.CREATE -> random.nextInt(6) == 0
                    ? new CreateTxn(string(), data(), acls(), random.nextBoolean(), -1, true)
                    : createTxn();
            case OpCode.CLOSE_SESSION -> random.nextInt(4) == 0 ? CloseSessionTxn.BODYLESS : closeSession();
            case OpCode.MULTI -> multi();
            default -> subBody(type);
        };
    }

    /** A body for a sub-txn of a multi of {@code type} (never legacy), or for the top-level types that share it. */
    public TxnBody subBody(int type) {
        return switch (type) {
            case OpCode.CREATE, OpCode.CREATE2 -> createTxn();
            case OpCode.CREATE_TTL -> new CreateTtlTxn(string(), data(), acls(), anInt(), aLong());
            case OpCode.CREATE_CONTAINER -> new CreateContainerTxn(string(), data(), acls(), anInt());
            case OpCode.DELETE, OpCode.DELETE_CONTAINER -> new DeleteTxn(string());
            case OpCode.SET_DATA, OpCode.RECONFIG -> new SetDataTxn(string(), data(), anInt());
            case OpCode.SET_ACL -> new SetAclTxn(string(), acls(), anInt());
            case OpCode.CHECK -> new CheckVersionTxn(string(), anInt());
            case OpCode.CREATE_SESSION -> new CreateSessionTxn(anInt());
            case OpCode.ERROR -> new ErrorTxn(random.nextInt(4) == 0 ? anInt() : ERROR_CODES[random.nextInt(ERROR_CODES.length)]);
            case OpCode.CLOSE_SESSION -> closeSession();
            case OpCode.MULTI -> multi();
            default -> throw new IllegalArgumentException("no body for type " + type);
        };
    }

    public CreateTxn createTxn() {
        return new CreateTxn(string(), data(), acls(), random.nextBoolean(), anInt());
    }

    /** A closeSession body with 0-5 paths (never body-less). */
    public CloseSessionTxn closeSession() {
        int n = random.nextInt(3) == 0 ? 0 : random.nextInt(6);
        List<String> paths = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            paths.add(random.nextInt(15) == 0 ? string() : path());
        }
        return new CloseSessionTxn(paths);
    }

    /**
     * A multi of 0-6 sub-txns; a third of them failed the way ZooKeeper logs it: ops before the failure
     * keep their bodies, the failing op is an error with its code, later ops are error -2.
     */
    public MultiTxn multi() {
        int n = random.nextInt(7);
        List<SubTxn> txns = new ArrayList<>(n);
        int failAt = n > 0 && random.nextInt(3) == 0 ? random.nextInt(n) : -1;
        for (int i = 0; i < n; i++) {
            if (failAt >= 0 && i == failAt) {
                txns.add(new SubTxn(OpCode.ERROR, new ErrorTxn(ERROR_CODES[1 + random.nextInt(ERROR_CODES.length - 1)])));
            } else if (failAt >= 0 && i > failAt) {
                txns.add(new SubTxn(OpCode.ERROR, new ErrorTxn(-2)));
            } else {
                int type = SUB_TXN_TYPES[random.nextInt(SUB_TXN_TYPES.length)];
                txns.add(new SubTxn(type, subBody(type)));
            }
        }
        return new MultiTxn(txns);
    }

    /** A log-entry payload of a random top-level type. */
    public TxnRecord txnRecord() {
        return txnRecord(topLevelType());
    }

    /** A log-entry payload of {@code type}; the digest is left out where it would make the payload ambiguous. */
    public TxnRecord txnRecord(int type) {
        TxnBody body = body(type);
        boolean ambiguous = body instanceof CloseSessionTxn c && c.bodyless()
                || body instanceof CreateTxn c2 && c2.legacyV0();
        TxnDigest digest = !ambiguous && random.nextInt(4) != 0 ? digest() : null;
        return new TxnRecord(txnHeader(type), body, digest);
    }
}
