package zkstore.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import zkstore.jute.FormatException;
import zkstore.oracle.RandomRecords;
import zkstore.oracle.TestSeed;
import zkstore.oracle.ZooKeeperBytes;

/**
 * Damaged payloads: every truncation and random byte corruptions of seeded random payloads are decoded
 * exactly as ZooKeeper 3.9.3 decodes them, or rejected with a FormatException (never an unchecked
 * exception). Where ZooKeeper sees an EOF, zkstore reports a truncation.
 */
class TxnPayloadFaultsTest {

    private static final boolean HEAVY = Boolean.getBoolean("zkstore.test.heavy");

    /** zkstore's deliberate departures: it rejects what ZooKeeper reads but cannot apply or never writes. */
    private static final Pattern STRICTER = Pattern.compile(
            "negative count|Invalid type of op|null vector|null buffer|inside MultiTxn");

    private sealed interface Outcome permits Decoded, Eof, Invalid {
    }

    private record Decoded(TxnRecord txn) implements Outcome {
    }

    private record Eof(String message) implements Outcome {
    }

    private record Invalid(String message) implements Outcome {
    }

    private static Outcome zooKeeper(byte[] payload) {
        try {
            return new Decoded(RecordsMatchZooKeeperTest.withoutLegacyFlag(ZooKeeperBytes.decodeLikeZooKeeper(payload)));
        } catch (EOFException e) {
            return new Eof(String.valueOf(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            return new Invalid(e.toString());
        }
    }

    private static Outcome zkstore(byte[] payload, String context) {
        try {
            return new Decoded(RecordsMatchZooKeeperTest.withoutLegacyFlag(TxnCodec.decodePayload(payload)));
        } catch (FormatException e) {
            return e.truncated() ? new Eof(e.getMessage()) : new Invalid(e.getMessage());
        } catch (RuntimeException e) {
            throw new AssertionError("unchecked exception for " + context, e);
        }
    }

    @Test
    void everyTruncationOfAPayloadDecodesLikeZooKeeperOrFailsAsTruncated() {
        long seed = TestSeed.resolve("TxnPayloadFaultsTest.truncations");
        RandomRecords gen = new RandomRecords(new Random(seed), false);
        int rounds = HEAVY ? 300 : 12;
        int maxLength = HEAVY ? 2_000 : 600;
        for (int i = 0; i < rounds; i++) {
            for (int type : RandomRecords.TOP_LEVEL_TYPES) {
                byte[] full;
                do {
                    full = TxnCodec.encodePayload(gen.txnRecord(type));
                } while (full.length > maxLength);
                for (int len = 0; len < full.length; len++) {
                    byte[] cut = Arrays.copyOf(full, len);
                    String context = "prefix " + len + "/" + full.length + " of " + OpCode.name(type) + " "
                            + TestSeed.describe(seed);
                    Outcome ours = zkstore(cut, context);
                    Outcome theirs = zooKeeper(cut);
                    if (theirs instanceof Decoded) {
                        assertEquals(theirs, ours, context);
                    } else {
                        assertTrue(ours instanceof Eof, context + ": ZooKeeper " + theirs + ", zkstore " + ours);
                    }
                }
            }
        }
    }

    @Test
    void corruptedPayloadsAreNeverAcceptedWhenZooKeeperRejectsThem() {
        long seed = TestSeed.resolve("TxnPayloadFaultsTest.corruptions");
        Random random = new Random(seed);
        RandomRecords gen = new RandomRecords(random, false);
        int rounds = HEAVY ? 100_000 : 6_000;
        for (int i = 0; i < rounds; i++) {
            byte[] payload = TxnCodec.encodePayload(gen.txnRecord());
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                int at = random.nextInt(payload.length);
                payload[at] = random.nextInt(3) == 0 ? (byte) 0xFF : (byte) random.nextInt(256);
            }
            String context = "round " + i + " " + TestSeed.describe(seed);
            Outcome ours = zkstore(payload, context);
            Outcome theirs = zooKeeper(payload);
            if (theirs instanceof Decoded) {
                if (ours instanceof Decoded) {
                    assertEquals(theirs, ours, context);
                } else {
                    String message = ours instanceof Eof e ? e.message() : ((Invalid) ours).message();
                    assertTrue(STRICTER.matcher(message).find(), context + ": ZooKeeper decoded " + theirs
                            + " but zkstore rejected it: " + message);
                }
            } else if (ours instanceof Decoded) {
                fail(context + ": ZooKeeper rejected (" + theirs + ") what zkstore decoded: " + ours);
            }
        }
    }
}
