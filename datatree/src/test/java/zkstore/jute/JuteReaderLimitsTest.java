package zkstore.jute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import zkstore.oracle.ZooKeeperBytes;

/** The reader never trusts a length or a count, and says which field at which absolute offset was wrong. */
class JuteReaderLimitsTest {

    private static byte[] lengthThenZeros(int length, int zeros) {
        return ByteBuffer.allocate(4 + zeros).putInt(length).array();
    }

    @Test
    void bufferOfExactlyTheDefaultLimitIsAcceptedLikeZooKeeper() throws IOException {
        byte[] bytes = lengthThenZeros(2_097_150, 2_097_150);
        assertEquals(2_097_150, new JuteReader(bytes).readBuffer("data").length);
        assertEquals(2_097_150, ZooKeeperBytes.archive(bytes).readBuffer("data").length);
    }

    @Test
    void bufferOneByteOverTheDefaultLimitIsRejectedLikeZooKeeper() {
        byte[] bytes = lengthThenZeros(2_097_151, 2_097_151);
        FormatException e = assertThrows(FormatException.class, () -> new JuteReader(bytes).readBuffer("SetDataTxn.data"));
        assertFalse(e.truncated());
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("SetDataTxn.data") && e.getMessage().contains("2097151"), e.getMessage());
        IOException zk = assertThrows(IOException.class, () -> ZooKeeperBytes.archive(bytes).readBuffer("data"));
        assertTrue(zk.getMessage().contains("Unreasonable length"), zk.getMessage());
    }

    @Test
    void stringOverTheDefaultLimitIsRejectedBeforeAllocating() {
        byte[] bytes = lengthThenZeros(Integer.MAX_VALUE, 0);
        FormatException e = assertThrows(FormatException.class, () -> new JuteReader(bytes).readString("Id.id"));
        assertFalse(e.truncated());
    }

    @Test
    void configuredLimitIsEnforced() throws FormatException {
        byte[] ok = lengthThenZeros(10, 10);
        assertEquals(10, JuteReader.of(ok, 0, ok.length, 0, null, 10).readBuffer("b").length);
        byte[] over = lengthThenZeros(11, 11);
        assertThrows(FormatException.class, () -> JuteReader.of(over, 0, over.length, 0, null, 10).readBuffer("b"));
    }

    @Test
    void minusOneIsNullForBufferStringAndVector() throws FormatException {
        byte[] bytes = ByteBuffer.allocate(12).putInt(-1).putInt(-1).putInt(-1).array();
        JuteReader r = new JuteReader(bytes);
        assertNull(r.readBuffer("b"));
        assertNull(r.readString("s"));
        assertEquals(-1, r.readCount("v", 4));
    }

    @Test
    void negativeLengthOtherThanMinusOneIsRejected() {
        byte[] bytes = ByteBuffer.allocate(8).putInt(-2).array();
        FormatException b = assertThrows(FormatException.class, () -> new JuteReader(bytes).readBuffer("CreateTxn.data"));
        assertFalse(b.truncated());
        assertTrue(b.getMessage().contains("CreateTxn.data") && b.getMessage().contains("-2"), b.getMessage());
        assertThrows(FormatException.class, () -> new JuteReader(bytes).readString("CreateTxn.path"));
        FormatException v = assertThrows(FormatException.class, () -> new JuteReader(bytes).readCount("CreateTxn.acl", 12));
        assertFalse(v.truncated());
    }

    @Test
    void lengthLargerThanTheBytesLeftIsATruncation() {
        byte[] bytes = lengthThenZeros(100, 99);
        FormatException e = assertThrows(FormatException.class, () -> new JuteReader(bytes).readBuffer("data"));
        assertTrue(e.truncated());
    }

    @Test
    void countLargerThanTheBytesLeftIsRejectedWithFieldAndAbsoluteOffset() {
        byte[] bytes = ByteBuffer.allocate(20 + 4 + 30).position(20).putInt(3).array();
        JuteReader r = JuteReader.of(bytes, 20, bytes.length - 20, 1000, "log.1", JuteReader.DEFAULT_MAX_LENGTH);
        FormatException e = assertThrows(FormatException.class, () -> r.readCount("SetACLTxn.acl", 12));
        assertTrue(e.truncated());
        assertEquals(1000, e.offset());
        assertEquals("log.1", e.file());
        assertTrue(e.getMessage().contains("SetACLTxn.acl") && e.getMessage().contains("log.1"), e.getMessage());
    }

    @Test
    void countThatFitsIsAccepted() throws FormatException {
        byte[] bytes = ByteBuffer.allocate(4 + 36).putInt(3).array();
        assertEquals(3, new JuteReader(bytes).readCount("acl", 12));
    }

    @Test
    void readingPastTheEndIsATruncationAtTheRightOffset() {
        JuteReader r = JuteReader.of(new byte[10], 4, 6, 500, null, JuteReader.DEFAULT_MAX_LENGTH);
        FormatException e = assertThrows(FormatException.class, () -> {
            r.readInt("a");
            r.readLong("TxnHeader.zxid");
        });
        assertTrue(e.truncated());
        assertEquals(504, e.offset());
        assertTrue(e.getMessage().contains("TxnHeader.zxid"), e.getMessage());
    }

    @Test
    void nestedBufferReaderReportsAbsoluteOffsets() throws FormatException {
        byte[] bytes = ByteBuffer.allocate(12).putInt(8).putInt(7).array();
        JuteReader outer = JuteReader.of(bytes, 0, bytes.length, 100, null, JuteReader.DEFAULT_MAX_LENGTH);
        JuteReader inner = outer.readBufferAsReader("Txn.data");
        assertEquals(104, inner.offset());
        assertEquals(7, inner.readInt("x"));
        FormatException e = assertThrows(FormatException.class, () -> inner.readLong("y"));
        assertEquals(108, e.offset());
        assertEquals(0, outer.remaining());
    }

    @Test
    void contextIsAddedWithoutLosingTheOriginal() {
        FormatException e = new FormatException("TxnHeader.type: bad", 16).withFile("log.1").withZxid(0x1fL);
        assertEquals("log.1", e.file());
        assertEquals(16, e.offset());
        assertEquals(0x1fL, e.zxid());
        assertEquals("TxnHeader.type: bad (file log.1, offset 16 (0x10), zxid 0x1f)", e.getMessage());
    }

    @Test
    void writerProducesBigEndianAndNullsAsMinusOne() {
        byte[] bytes = new JuteWriter().writeInt(0x01020304).writeLong(-2).writeBool(true).writeBuffer(null)
                .writeString(null).toByteArray();
        assertArrayEquals(new byte[] {1, 2, 3, 4, -1, -1, -1, -1, -1, -1, -1, -2, 1, -1, -1, -1, -1, -1, -1, -1, -1},
                bytes);
    }
}
