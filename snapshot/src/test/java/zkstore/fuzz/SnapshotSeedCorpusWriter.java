package zkstore.fuzz;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.server.DataTree;
import org.apache.zookeeper.server.persistence.FileSnap;
import org.apache.zookeeper.server.persistence.SnapStream;

/**
 * Regenerates the snapshot and epoch seed corpora: small snapshots written by ZooKeeper 3.9.3's own
 * FileSnap (plain, gz, snappy), of an empty tree and of a few nodes with sessions, an ephemeral, null data
 * and a second ACL. Run: {@code java -cp <test classpath> zkstore.fuzz.SnapshotSeedCorpusWriter snapshot}.
 */
public final class SnapshotSeedCorpusWriter {

    private SnapshotSeedCorpusWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        Path tmp = Files.createTempDirectory("zk-snap-seeds");
        String[][] modes = {{"CHECKED", SnapshotFuzzTarget.PLAIN}, {"GZIP", SnapshotFuzzTarget.GZ},
            {"SNAPPY", SnapshotFuzzTarget.SNAPPY}};
        for (String[] mode : modes) {
            SnapStream.setStreamMode(SnapStream.StreamMode.valueOf(mode[0]));
            List<byte[]> seeds = new ArrayList<>();
            for (int variant = 0; variant < 2; variant++) {
                DataTree tree = new DataTree();
                Map<Long, Integer> sessions = new HashMap<>();
                if (variant == 1) {
                    sessions.put(0x1000000001L, 30000);
                    sessions.put(0x1000000002L, 6000);
                    tree.createNode("/a", "hello".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, 0, 1, 2, 100);
                    tree.createNode("/a/b", null, ZooDefs.Ids.READ_ACL_UNSAFE, 0x1000000001L, 2, 3, 101);
                    tree.createNode("/c\u00e9", new byte[0], ZooDefs.Ids.CREATOR_ALL_ACL.isEmpty()
                            ? ZooDefs.Ids.OPEN_ACL_UNSAFE : ZooDefs.Ids.OPEN_ACL_UNSAFE, 0x8000000000000000L, 1, 4, 102);
                }
                File f = tmp.resolve("snapshot." + variant + mode[0]).toFile();
                new FileSnap(tmp.toFile()).serialize(tree, sessions, f, false);
                seeds.add(Files.readAllBytes(f.toPath()));
            }
            Corpus.write(module, mode[1], "zk", seeds);
        }
        List<byte[]> epochs = new ArrayList<>();
        for (String s : new String[] {"0", "1", "42\n", "-7", "9223372036854775807", "12\r\n", ""}) {
            epochs.add(s.getBytes(StandardCharsets.US_ASCII));
        }
        Corpus.write(module, EpochFileFuzzTarget.NAME, "epoch", epochs);
    }
}
