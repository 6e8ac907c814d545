package zkstore.fuzz;

import java.io.EOFException;
import java.io.IOException;
import java.util.regex.Pattern;
import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;
import zkstore.oracle.ZooKeeperBytes;
import zkstore.record.Acl;
import zkstore.record.CreateTxn;
import zkstore.record.StatPersisted;
import zkstore.record.TxnCodec;
import zkstore.record.TxnRecord;

/**
 * Fuzz target for the jute codec: the input is one log-entry payload. Properties: decoding returns a
 * record or throws FormatException (anything else propagates as a finding); allocation stays within
 * 64 bytes per input byte plus 256 KiB; an accepted payload re-encodes to bytes that decode to the same
 * record (exactly the same when no character needed ZooKeeper's lossy non-BMP encoding); ZooKeeper
 * 3.9.3 and zkstore agree, except that zkstore also rejects a few things ZooKeeper reads but cannot
 * apply ({@link #STRICTER}). The same bytes are then read as a run of data records.
 */
public final class JutePayloadFuzzTarget {

    /** Corpus directory name under src/test/resources/fuzz/. */
    public static final String NAME = "jute-payload";

    /** zkstore's documented departures: inputs ZooKeeper decodes but zkstore rejects. */
    public static final Pattern STRICTER = Pattern.compile(
            "negative count|Invalid type of op|null vector|null buffer|inside MultiTxn");

    private JutePayloadFuzzTarget() {
    }

    /** Runs every property on {@code input}; throws AssertionError on a violation. */
    public static void check(byte[] input) {
        TxnRecord ours;
        FormatException rejection = null;
        try {
            ours = TxnCodec.decodePayload(input);
        } catch (FormatException e) {
            ours = null;
            rejection = e;
        }
        AllocationMeter.check("TxnCodec.decodePayload", input.length, 64, 64 * 1024, () -> decodeQuietly(input));
        if (ours != null) {
            checkReencoding(ours);
        }
        compareWithZooKeeper(input, ours, rejection);
        readDataRecords(input);
    }

    private static void decodeQuietly(byte[] input) {
        try {
            TxnCodec.decodePayload(input);
        } catch (FormatException expected) {
            // either outcome is fine here; only the allocation is measured
        }
    }

    private static void checkReencoding(TxnRecord decoded) {
        byte[] again = TxnCodec.encodePayload(decoded);
        TxnRecord second;
        try {
            second = TxnCodec.decodePayload(again);
        } catch (FormatException e) {
            throw new AssertionError("re-encoded " + decoded + " does not decode", e);
        }
        if (!hasSurrogates(decoded) && !decoded.equals(second)) {
            throw new AssertionError("re-encoding changed " + decoded + " into " + second);
        }
        byte[] third = TxnCodec.encodePayload(second);
        if (hasSurrogates(decoded)) {
            // ZooKeeper's writer turns each surrogate half into 3 bytes, which the UTF-8 reader decodes as
            // U+FFFD: such a string changes once on its first re-encoding and must be stable from then on.
            byte[] fourth;
            try {
                fourth = TxnCodec.encodePayload(TxnCodec.decodePayload(third));
            } catch (FormatException e) {
                throw new AssertionError("re-encoded " + second + " does not decode", e);
            }
            if (!java.util.Arrays.equals(third, fourth)) {
                throw new AssertionError("encoding is not stable for " + second);
            }
        } else if (!java.util.Arrays.equals(again, third)) {
            throw new AssertionError("encoding is not stable for " + second);
        }
    }

    /** True if a decoded string holds a character outside the BMP, which ZooKeeper's writer cannot keep. */
    private static boolean hasSurrogates(TxnRecord txn) {
        return txn.toString().chars().anyMatch(c -> Character.isSurrogate((char) c));
    }

    private static void compareWithZooKeeper(byte[] input, TxnRecord ours, FormatException rejection) {
        TxnRecord theirs;
        Exception theirError = null;
        try {
            theirs = ZooKeeperBytes.decodeLikeZooKeeper(input);
        } catch (IOException | RuntimeException e) {
            theirs = null;
            theirError = e;
        } catch (OutOfMemoryError e) {
            return;
        }
        if (theirs != null) {
            if (ours == null) {
                if (!STRICTER.matcher(rejection.getMessage()).find()) {
                    throw new AssertionError("ZooKeeper decoded " + theirs + " but zkstore rejected it", rejection);
                }
            } else if (!withoutLegacyFlag(theirs).equals(withoutLegacyFlag(ours))) {
                throw new AssertionError("ZooKeeper decoded " + theirs + " but zkstore decoded " + ours);
            }
        } else if (ours != null) {
            throw new AssertionError("ZooKeeper rejected what zkstore decoded as " + ours, theirError);
        } else if (theirError instanceof EOFException && !rejection.truncated()
                && !STRICTER.matcher(rejection.getMessage()).find()) {
            throw new AssertionError("ZooKeeper hit EOF but zkstore did not report a truncation", rejection);
        }
    }

    private static TxnRecord withoutLegacyFlag(TxnRecord t) {
        if (t.body() instanceof CreateTxn c && c.legacyV0()) {
            return new TxnRecord(t.header(), new CreateTxn(c.path(), c.data(), c.acl(), c.ephemeral(), -1), t.digest());
        }
        return t;
    }

    private static void readDataRecords(byte[] input) {
        JuteReader r = new JuteReader(input);
        JuteWriter w = new JuteWriter();
        try {
            while (r.remaining() > 0) {
                String path = r.readString("path");
                byte[] data = r.readBuffer("data");
                var acl = Acl.readList(r, "acl");
                StatPersisted stat = StatPersisted.read(r);
                w.writeString(path).writeBuffer(data);
                Acl.writeList(acl, w);
                stat.write(w);
            }
        } catch (FormatException expected) {
            // rejection is a valid outcome; only unchecked exceptions are findings
        }
    }
}
