package zkstore.jute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import zkstore.oracle.TestSeed;
import zkstore.oracle.ZooKeeperBytes;

/**
 * The one-pass string encoder (ASCII copied until the first other character) gives ZooKeeper's bytes
 * wherever the switch to the multi-byte encoder happens, including buffer growth on either side of it.
 */
class JuteWriterStringTest {
    private static final char[] NON_ASCII = {
        '\u0080', '\u00e9', '\u07ff', '\u0800', '\u4e2d', '\ud800', '\udbff', '\udc00', '\udfff', '\ufffd', '\uffff'};

    private static void assertSameAsZooKeeper(String s, JuteWriter w, String context) {
        w.reset();
        w.writeInt(0x11223344);
        w.writeString(s);
        byte[] ours = w.toByteArray();
        byte[] zk = ZooKeeperBytes.writeString(s);
        byte[] expected = new byte[4 + zk.length];
        expected[0] = 0x11;
        expected[1] = 0x22;
        expected[2] = 0x33;
        expected[3] = 0x44;
        System.arraycopy(zk, 0, expected, 4, zk.length);
        assertArrayEquals(expected, ours, context);
    }

    @Test
    void nonAsciiCharacterAtEveryPositionOfAnAsciiStringEncodesLikeZooKeeper() {
        String ascii = "/zkstore/bench/node-0000000042\u0000\u007f";
        for (char c : NON_ASCII) {
            for (int at = 0; at <= ascii.length(); at++) {
                String s = ascii.substring(0, at) + c + ascii.substring(at);
                assertSameAsZooKeeper(s, new JuteWriter(16), "U+" + Integer.toHexString(c) + " at " + at);
                assertSameAsZooKeeper(s, new JuteWriter(4096), "U+" + Integer.toHexString(c) + " at " + at);
            }
        }
    }

    @Test
    void surrogatePairsAndLoneHalvesTakeThreeBytesEachLikeZooKeeper() {
        assertSameAsZooKeeper("/a\ud83d\ude00b", new JuteWriter(16), "pair");
        assertSameAsZooKeeper("\ude00\ud83d", new JuteWriter(16), "reversed halves");
        assertSameAsZooKeeper("x\ud83d", new JuteWriter(16), "lone high at end");
    }

    @Test
    void emptyNullAndLongStringsThatGrowTheBufferEncodeLikeZooKeeper() {
        assertSameAsZooKeeper("", new JuteWriter(16), "empty");
        assertSameAsZooKeeper(null, new JuteWriter(16), "null");
        String longAscii = "a".repeat(100_000);
        assertSameAsZooKeeper(longAscii, new JuteWriter(16), "long ascii");
        assertSameAsZooKeeper(longAscii + '\u4e2d' + longAscii, new JuteWriter(16), "long ascii, cjk, long ascii");
        assertSameAsZooKeeper("\u4e2d".repeat(50_000), new JuteWriter(16), "long cjk");
    }

    @Test
    void randomMixedStringsWrittenOneAfterAnotherEncodeLikeZooKeeper() {
        long seed = TestSeed.resolve("JuteWriterStringTest.randomMixed");
        Random random = new Random(seed);
        JuteWriter w = new JuteWriter(16);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(i % 100 == 0 ? 3000 : 40);
            for (int j = 0; j < len; j++) {
                int kind = random.nextInt(10);
                sb.append(kind < 7 ? (char) (0x20 + random.nextInt(0x60))
                    : kind == 7 ? NON_ASCII[random.nextInt(NON_ASCII.length)] : (char) random.nextInt(0x10000));
            }
            assertSameAsZooKeeper(sb.toString(), w, "string " + i + " " + TestSeed.describe(seed));
        }
    }
}
