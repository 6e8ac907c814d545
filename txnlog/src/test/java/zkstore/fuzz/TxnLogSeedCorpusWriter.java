package zkstore.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import zkstore.oracle.RandomRecords;
import zkstore.oracle.ZooKeeperBytes;
import zkstore.record.TxnHeader;
import zkstore.record.TxnRecord;

/**
 * Regenerates the txnlog seed corpora: small log files whose payloads ZooKeeper 3.9.3 marshalled,
 * consecutive zxids, with zero tails, a torn last entry and a flipped checksum; directory inputs
 * combine two or three such files. Run: {@code java -cp <test classpath> zkstore.fuzz.TxnLogSeedCorpusWriter txnlog}.
 */
public final class TxnLogSeedCorpusWriter {

    private TxnLogSeedCorpusWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        RandomRecords gen = new RandomRecords(new Random(7L), false);
        List<byte[]> files = new ArrayList<>();
        long zxid = 1;
        for (int f = 0; f < 6; f++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(LogFileBytes.header());
            int entries = 1 + f % 4;
            for (int e = 0; e < entries; e++) {
                byte[] payload;
                TxnRecord r;
                do {
                    TxnRecord t = gen.txnRecord();
                    r = new TxnRecord(new TxnHeader(t.header().clientId(), t.header().cxid(), zxid, t.header().time(),
                            t.type()), t.body(), t.digest());
                    payload = ZooKeeperBytes.marshal(r);
                } while (payload.length > 160);
                out.writeBytes(LogFileBytes.frame(payload));
                zxid++;
            }
            byte[] bytes = out.toByteArray();
            if (f == 3) {
                bytes = java.util.Arrays.copyOf(bytes, bytes.length - 5);
            } else if (f == 4) {
                bytes[16 + 7] ^= 1;
            } else {
                bytes = java.util.Arrays.copyOf(bytes, bytes.length + 32);
            }
            files.add(bytes);
        }
        files.add(new byte[0]);
        files.add(LogFileBytes.header());
        Corpus.write(module, TxnLogFuzzTarget.FILE, "log", files);

        List<byte[]> dirs = new ArrayList<>();
        dirs.add(dirInput(0, new int[] {1}, files.get(0)));
        dirs.add(dirInput(2, new int[] {1, 2}, files.get(0), files.get(1)));
        dirs.add(dirInput(3, new int[] {1, 4, 8}, files.get(1), files.get(3), files.get(2)));
        dirs.add(dirInput(1, new int[] {1, 2}, files.get(4), files.get(5)));
        Corpus.write(module, TxnLogFuzzTarget.DIR, "dir", dirs);
    }

    private static byte[] dirInput(int start, int[] names, byte[]... files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(start);
        out.write(files.length - 1);
        for (int i = 0; i < files.length; i++) {
            out.write(names[i] - 1);
            out.write(files[i].length >>> 8);
            out.write(files[i].length);
            out.writeBytes(files[i]);
        }
        return out.toByteArray();
    }
}
