package zkstore.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;

/** Byte layouts quoted in FORMATS.md (probed against ZooKeeper 3.9.3) and the payload decoding rules of §3.3. */
class TxnCodecKnownBytesTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void openAclEncodesAs23ProbedBytes() {
        JuteWriter w = new JuteWriter();
        Acl.OPEN_ACL_UNSAFE.get(0).write(w);
        assertArrayEquals(hex("0000001f 00000005 776f726c64 00000006 616e796f6e65"), w.toByteArray());
    }

    @Test
    void nonBmpCharacterTakesSixBytesAndReadsBackAsTwoReplacementChars() throws Exception {
        JuteWriter w = new JuteWriter();
        w.writeString("/é中😀");
        assertArrayEquals(hex("0000000c 2f c3a9 e4b8ad eda0bd edb880"), w.toByteArray());
        assertEquals("/é中\uFFFD\uFFFD", new JuteReader(w.toByteArray()).readString("s"));
    }

    @Test
    void createSessionWorkedExampleDecodesAndReencodesIdentically() throws Exception {
        byte[] payload = hex("010000059bb80000 00000000 0000000000000001 000001a200e8e663 fffffff6 00007530"
                + " 00000002 0000000051c6d660");
        TxnRecord txn = TxnCodec.decodePayload(payload);
        assertEquals(new TxnHeader(0x010000059bb80000L, 0, 1, 0x000001a200e8e663L, OpCode.CREATE_SESSION), txn.header());
        assertEquals(new CreateSessionTxn(30000), txn.body());
        assertEquals(new TxnDigest(2, 0x51c6d660L), txn.digest());
        assertArrayEquals(payload, TxnCodec.encodePayload(txn));
    }

    @Test
    void bodylessCloseSessionFromOldLogsDecodesAsBodyless() throws Exception {
        TxnRecord old = new TxnRecord(new TxnHeader(5, 1, 7, 9, OpCode.CLOSE_SESSION), CloseSessionTxn.BODYLESS, null);
        byte[] bytes = TxnCodec.encodePayload(old);
        assertEquals(TxnHeader.BYTES, bytes.length);
        TxnRecord back = TxnCodec.decodePayload(bytes);
        assertSame(CloseSessionTxn.BODYLESS, back.body());
        assertNull(back.digest());
    }

    @Test
    void legacyCreateWithoutParentCVersionFallsBackToV0AndReencodesIdentically() throws Exception {
        CreateTxn v0 = new CreateTxn("/a", null, Acl.OPEN_ACL_UNSAFE, true, -1, true);
        TxnRecord txn = new TxnRecord(new TxnHeader(1, 2, 3, 4, OpCode.CREATE), v0, null);
        byte[] bytes = TxnCodec.encodePayload(txn);
        TxnRecord back = TxnCodec.decodePayload(bytes);
        assertEquals(txn, back);
        assertArrayEquals(bytes, TxnCodec.encodePayload(back));
    }

    @Test
    void failedMultiWithErrorEntriesRoundTrips() throws Exception {
        MultiTxn multi = new MultiTxn(List.of(
                new SubTxn(OpCode.CREATE, new CreateTxn("/x", new byte[] {1, 2}, Acl.READ_ACL_UNSAFE, false, 3)),
                new SubTxn(OpCode.ERROR, new ErrorTxn(-110)),
                new SubTxn(OpCode.ERROR, new ErrorTxn(-2))));
        TxnRecord txn = new TxnRecord(new TxnHeader(1, 2, 3, 4, OpCode.MULTI), multi, new TxnDigest(2, 99));
        byte[] bytes = TxnCodec.encodePayload(txn);
        TxnRecord back = TxnCodec.decodePayload(bytes);
        assertEquals(txn, back);
        assertArrayEquals(bytes, TxnCodec.encodePayload(back));
    }

    @Test
    void unknownTopLevelTypeIsRejectedWithZooKeepersMessage() {
        byte[] bytes = TxnCodec.encodePayload(new TxnRecord(new TxnHeader(1, 2, 3, 4, 13), null, null));
        FormatException e = assertThrows(FormatException.class, () -> TxnCodec.decodePayload(bytes));
        assertTrue(e.getMessage().startsWith("Unsupported Txn with type=13"), e.getMessage());
        assertEquals(28, e.offset());
        assertEquals(3L, e.zxid());
    }
}
