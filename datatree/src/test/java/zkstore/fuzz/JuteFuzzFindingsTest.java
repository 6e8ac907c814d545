package zkstore.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import org.apache.jute.BinaryOutputArchive;
import org.junit.jupiter.api.Test;
import zkstore.jute.FormatException;
import zkstore.jute.JuteWriter;
import zkstore.record.CreateTtlTxn;
import zkstore.record.TxnCodec;
import zkstore.record.TxnRecord;

/** Every input the jute-payload fuzz target found, as a named regression test. */
class JuteFuzzFindingsTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    /**
     * Brief run, mutation 1734 of seed 2184868384031697704: a multi whose first sub-txn has an invalid
     * path length and whose vector then runs past the end. ZooKeeper reads sub-txns lazily and sees an
     * EOF; zkstore decodes them eagerly and must name the sub-txn, not report a truncation.
     */
    @Test
    void invalidSubTxnInsideTruncatedMultiIsRejectedAsInvalidSubTxn() {
        byte[] input = hex("ffffffffffffffff0000000000000000000000007fffffffffffffff0000000e000000030000000f00000040"
                + "8000000877dfbace93edaa83000000270c863c91244839e455a62bf335a16e7f923f98671cd6eb0cc78fd9af6b7850"
                + "408e24ddc9881a1d000004000001280000000200000005000000017800000002e7c10fefb4c73ab1");
        FormatException e = assertThrows(FormatException.class, () -> TxnCodec.decodePayload(input));
        assertFalse(e.truncated());
        assertTrue(e.getMessage().contains("inside MultiTxn.txns[0]"), e.getMessage());
        JutePayloadFuzzTarget.check(input);
    }

    /**
     * Fuzz run of 2026-11-22 (10 minutes, after 355 s): an ACL id holding a 4-byte UTF-8 sequence, which the
     * reader decodes to a surrogate pair. ZooKeeper's writer (and zkstore's, byte for byte) writes each half as 3
     * bytes, which read back as U+FFFD, so the first re-encoding changes the string; the target wrongly demanded
     * that first re-encoding be a fixed point. It must be stable from the second round on.
     */
    @Test
    void characterOutsideTheBmpChangesOnceOnReencodingThenStaysStable() throws Exception {
        byte[] input = hex("0000000000000000ffffffffdf4396e679bd5bcb7e0b53d5f8a448700000001500000000000000014d00000003000000"
                + "1b000000047835303900000000000000000000000000000000000000000000000000000030000000000000000000001c"
                + "edac96edaf80edb3b5e1ab9feaaeac413ef3ae9b9b0000000a00000000000000ffffffffdf4396e679bd5bcb7e0b53d5"
                + "f8a448700000001500000000000000014d000000030000001b0000000478353039000000000000000000000000000000"
                + "00000000000000000000000000000000000000000000001cedac96edaf80edb3b5e1ab9feaaeac413ef3ae9b9b000000"
                + "0a6e7900000006616e796f6e65aae88fcb0000000000ab6e7900000006616e796f6e65aae88fcb0000000000abfa");
        TxnRecord decoded = TxnCodec.decodePayload(input);
        String id = ((CreateTtlTxn) decoded.body()).acl().get(2).id().id();
        assertTrue(id.chars().anyMatch(c -> Character.isSurrogate((char) c)), id);
        JuteWriter ours = new JuteWriter();
        ours.writeString(id);
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        BinaryOutputArchive.getArchive(theirs).writeString(id, "id");
        assertArrayEquals(theirs.toByteArray(), ours.toByteArray());
        byte[] once = TxnCodec.encodePayload(TxnCodec.decodePayload(TxnCodec.encodePayload(decoded)));
        assertArrayEquals(once, TxnCodec.encodePayload(TxnCodec.decodePayload(once)));
        JutePayloadFuzzTarget.check(input);
    }
}
