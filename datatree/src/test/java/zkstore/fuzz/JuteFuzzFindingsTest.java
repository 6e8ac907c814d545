package zkstore.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import zkstore.jute.FormatException;
import zkstore.record.TxnCodec;

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
}
