package zkstore.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import zkstore.oracle.RandomRecords;
import zkstore.oracle.ZooKeeperBytes;
import zkstore.record.OpCode;

/**
 * Regenerates the jute-payload seed corpus: payloads marshalled by ZooKeeper 3.9.3's own
 * {@code Util.marshallTxnEntry}, one or more per top-level type, plus the probed createSession entry.
 * Run: {@code java -cp <test classpath> zkstore.fuzz.JuteSeedCorpusWriter datatree}.
 */
public final class JuteSeedCorpusWriter {

    private JuteSeedCorpusWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        RandomRecords gen = new RandomRecords(new Random(20261122L), false);
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(HexFormat.of().parseHex("010000059bb80000" + "00000000" + "0000000000000001"
                + "000001a200e8e663" + "fffffff6" + "00007530" + "00000002" + "0000000051c6d660"));
        for (int type : RandomRecords.TOP_LEVEL_TYPES) {
            int copies = type == OpCode.MULTI || type == OpCode.CREATE || type == OpCode.CLOSE_SESSION ? 3 : 1;
            for (int i = 0; i < copies; i++) {
                byte[] payload;
                do {
                    payload = ZooKeeperBytes.marshal(gen.txnRecord(type));
                } while (payload.length > 400);
                seeds.add(payload);
            }
        }
        Corpus.write(module, JutePayloadFuzzTarget.NAME, "zk", seeds);
    }
}
