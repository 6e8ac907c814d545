package zkstore.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import zkstore.oracle.ZooKeeperBytes;
import zkstore.record.Acl;
import zkstore.record.CloseSessionTxn;
import zkstore.record.CreateSessionTxn;
import zkstore.record.CreateTxn;
import zkstore.record.DeleteTxn;
import zkstore.record.OpCode;
import zkstore.record.SetDataTxn;
import zkstore.record.TxnHeader;
import zkstore.record.TxnRecord;

/**
 * Regenerates the restore seed corpus: data dirs made of ZooKeeper's empty snapshot.0 (from the
 * snapshot-plain corpus) and a log of sensible txns whose payloads ZooKeeper marshalled, alone or together.
 * Run from the snapshot module directory after {@link SnapshotSeedCorpusWriter}.
 */
public final class RestoreSeedCorpusWriter {

    private RestoreSeedCorpusWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        byte[] emptySnapshot = Files.readAllBytes(module.resolve("src/test/resources/fuzz/snapshot-plain/zk-00"));
        long session = 0x1000000001L;
        List<TxnRecord> txns = List.of(
                new TxnRecord(new TxnHeader(session, 0, 1, 1000, OpCode.CREATE_SESSION), new CreateSessionTxn(30000), null),
                new TxnRecord(new TxnHeader(session, 1, 2, 1001, OpCode.CREATE),
                        new CreateTxn("/a", new byte[] {1, 2, 3}, Acl.OPEN_ACL_UNSAFE, false, 1), null),
                new TxnRecord(new TxnHeader(session, 2, 3, 1002, OpCode.CREATE2),
                        new CreateTxn("/a/e", null, Acl.OPEN_ACL_UNSAFE, true, 1), null),
                new TxnRecord(new TxnHeader(session, 3, 4, 1003, OpCode.SET_DATA), new SetDataTxn("/a", new byte[] {9}, 1), null),
                new TxnRecord(new TxnHeader(session, 4, 5, 1004, OpCode.DELETE), new DeleteTxn("/nope"), null),
                new TxnRecord(new TxnHeader(session, 5, 6, 1005, OpCode.CLOSE_SESSION),
                        new CloseSessionTxn(List.of("/a/e")), null));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        log.writeBytes(LogFileBytes.header());
        for (TxnRecord t : txns) {
            log.writeBytes(LogFileBytes.frame(ZooKeeperBytes.marshal(t)));
        }
        byte[] logBytes = log.toByteArray();
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(dir(new int[] {0}, emptySnapshot));
        seeds.add(dir(new int[] {0, 0x81}, emptySnapshot, logBytes));
        seeds.add(dir(new int[] {0x81}, logBytes));
        seeds.add(dir(new int[] {0, 0x81, 3}, emptySnapshot, logBytes, emptySnapshot));
        Corpus.write(module, RestoreFuzzTarget.NAME, "dir", seeds);
    }

    private static byte[] dir(int[] kinds, byte[]... files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(files.length - 1);
        for (int i = 0; i < files.length; i++) {
            out.write(kinds[i]);
            out.write(files[i].length >>> 8);
            out.write(files[i].length);
            out.writeBytes(files[i]);
        }
        return out.toByteArray();
    }
}
