package zkstore.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Random;
import java.util.function.Function;
import org.apache.jute.Record;
import org.junit.jupiter.api.Test;
import zkstore.jute.FormatException;
import zkstore.jute.JuteReader;
import zkstore.jute.JuteWriter;
import zkstore.oracle.RandomRecords;
import zkstore.oracle.TestSeed;
import zkstore.oracle.ZooKeeperBytes;
import zkstore.oracle.ZooKeeperRecords;

/**
 * Differential test against ZooKeeper 3.9.3: seeded random values of every record type serialize to
 * exactly ZooKeeper's bytes, and each side reads the other's bytes back to equal values. With BMP-only
 * strings, decoding also returns the original value and re-encoding the original bytes.
 */
class RecordsMatchZooKeeperTest {

    private static final int ROUNDS = Boolean.getBoolean("zkstore.test.heavy") ? 50_000 : 700;

    interface Read<T> {
        T read(JuteReader r) throws FormatException;
    }

    interface Write<T> {
        void write(T value, JuteWriter w);
    }

    private static <T, Z extends Record> void check(String what, String seed, boolean canonical, T value,
                                                    Write<T> write, Read<T> read, Function<T, Z> toZk,
                                                    Function<Z, T> fromZk) throws IOException {
        JuteWriter w = new JuteWriter();
        write.write(value, w);
        byte[] ours = w.toByteArray();
        Z zkValue = toZk.apply(value);
        byte[] theirs = ZooKeeperBytes.serialize(zkValue);
        String context = what + " " + value + " " + seed;
        assertArrayEquals(theirs, ours, "bytes differ for " + context);

        JuteReader r = new JuteReader(theirs);
        T oursFromTheirs = read.read(r);
        assertEquals(0, r.remaining(), "bytes left after reading " + context);
        @SuppressWarnings("unchecked")
        Z fresh = (Z) newInstance(zkValue);
        T theirsFromOurs = fromZk.apply(ZooKeeperBytes.deserialize(ours, fresh));
        assertEquals(theirsFromOurs, oursFromTheirs, "decoded values differ for " + context);
        if (canonical) {
            assertEquals(value, oursFromTheirs, "canonical value changed by a round trip: " + context);
        }
    }

    private static Record newInstance(Record r) {
        try {
            return r.getClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void forEachGenerator(String test, GeneratorCheck body) throws IOException {
        long seed = TestSeed.resolve(getClass().getSimpleName() + "." + test);
        String described = TestSeed.describe(seed);
        Random random = new Random(seed);
        RandomRecords any = new RandomRecords(random, false);
        RandomRecords bmp = new RandomRecords(random, true);
        for (int i = 0; i < ROUNDS; i++) {
            body.run(any, false, described);
            body.run(bmp, true, described);
        }
    }

    interface GeneratorCheck {
        void run(RandomRecords gen, boolean canonical, String seed) throws IOException;
    }

    @Test
    void stringsEncodeLikeZooKeeperAndDecodeLikeZooKeeper() throws IOException {
        forEachGenerator("strings", (gen, canonical, seed) -> {
            String s = gen.string();
            byte[] ours = new JuteWriter().writeString(s).toByteArray();
            assertArrayEquals(ZooKeeperBytes.writeString(s), ours, "string " + s + " " + seed);
            assertEquals(ZooKeeperBytes.archive(ours).readString("s"), new JuteReader(ours).readString("s"), seed);
            if (canonical) {
                assertEquals(s, new JuteReader(ours).readString("s"), seed);
            }
        });
    }

    @Test
    void dataRecordsMatchZooKeeperBytesBothWays() throws IOException {
        forEachGenerator("dataRecords", (gen, canonical, seed) -> {
            check("Id", seed, canonical, gen.id(), Id::write, Id::read, ZooKeeperRecords::toZk, ZooKeeperRecords::fromZk);
            check("ACL", seed, canonical, gen.acl(), Acl::write, Acl::read, ZooKeeperRecords::toZk, ZooKeeperRecords::fromZk);
            check("StatPersisted", seed, canonical, gen.statPersisted(), StatPersisted::write, StatPersisted::read,
                    ZooKeeperRecords::toZk, ZooKeeperRecords::fromZk);
            check("Stat", seed, canonical, gen.stat(), Stat::write, Stat::read, ZooKeeperRecords::toZk, ZooKeeperRecords::fromZk);
        });
    }

    @Test
    void persistenceHeadersMatchZooKeeperBytesBothWays() throws IOException {
        forEachGenerator("headers", (gen, canonical, seed) -> {
            check("FileHeader", seed, canonical, gen.fileHeader(), FileHeader::write, FileHeader::read,
                    ZooKeeperRecords::toZk, ZooKeeperRecords::fromZk);
            check("TxnHeader", seed, canonical, gen.txnHeader(gen.anInt()), TxnHeader::write, TxnHeader::read,
                    ZooKeeperRecords::toZk, ZooKeeperRecords::fromZk);
            check("TxnDigest", seed, canonical, gen.digest(), TxnDigest::write, TxnDigest::read,
                    ZooKeeperRecords::toZk, ZooKeeperRecords::fromZk);
        });
    }

    @Test
    void everyTxnBodyMatchesZooKeeperBytesBothWays() throws IOException {
        forEachGenerator("bodies", (gen, canonical, seed) -> {
            for (int type : RandomRecords.TOP_LEVEL_TYPES) {
                TxnBody body = gen.body(type);
                if (body instanceof CloseSessionTxn c && c.bodyless()) {
                    continue;
                }
                check(OpCode.name(type), seed, canonical, body, TxnCodec::encodeBody, r -> TxnCodec.decodeBody(type, r),
                        ZooKeeperRecords::toZkBody, z -> ZooKeeperRecords.fromZkBody(type, z));
            }
            TxnBody check = gen.subBody(OpCode.CHECK);
            check("check", seed, canonical, check, TxnCodec::encodeBody, r -> TxnCodec.decodeSubTxnBody(OpCode.CHECK, r),
                    ZooKeeperRecords::toZkBody, z -> ZooKeeperRecords.fromZkBody(OpCode.CHECK, z));
        });
    }

    @Test
    void everyPayloadMatchesZooKeeperMarshallingBothWays() throws IOException {
        forEachGenerator("payloads", (gen, canonical, seed) -> {
            for (int type : RandomRecords.TOP_LEVEL_TYPES) {
                TxnRecord txn = gen.txnRecord(type);
                String context = txn + " " + seed;
                byte[] ours = TxnCodec.encodePayload(txn);
                byte[] theirs = ZooKeeperBytes.marshal(txn);
                assertArrayEquals(theirs, ours, "payload bytes differ for " + context);
                TxnRecord oursFromTheirs = TxnCodec.decodePayload(theirs);
                TxnRecord theirsFromOurs = ZooKeeperBytes.decodeLikeZooKeeper(ours);
                assertEquals(withoutLegacyFlag(theirsFromOurs), withoutLegacyFlag(oursFromTheirs),
                        "decoded payloads differ for " + context);
                if (canonical) {
                    assertEquals(txn, oursFromTheirs, "canonical payload changed by a round trip: " + context);
                    assertArrayEquals(ours, TxnCodec.encodePayload(oursFromTheirs), "re-encoding differs: " + context);
                }
            }
        });
    }

    /** ZooKeeper turns a legacy V0 create into a CreateTxn with parentCVersion -1; compare without the flag. */
    static TxnRecord withoutLegacyFlag(TxnRecord t) {
        if (t.body() instanceof CreateTxn c && c.legacyV0()) {
            return new TxnRecord(t.header(), new CreateTxn(c.path(), c.data(), c.acl(), c.ephemeral(), -1), t.digest());
        }
        return t;
    }
}
