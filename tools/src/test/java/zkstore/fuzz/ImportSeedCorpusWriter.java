package zkstore.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import zkstore.cli.Cli;
import zkstore.cli.oracle.ZkDataDirWriter;

/**
 * Regenerates the import seed corpus: {@code export --json} of small data dirs written by ZooKeeper 3.9.3
 * (an empty tree; sessions with ephemeral, sequential, container and TTL nodes, binary and null data, a
 * digest ACL, a unicode path) and a few hand-written exports in the accepted spellings (decimal and '#'
 * zxids, null ACL, unknown fields). Run: {@code java -cp <test classpath> zkstore.fuzz.ImportSeedCorpusWriter tools}.
 */
public final class ImportSeedCorpusWriter {

    private ImportSeedCorpusWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        Path tmp = Files.createTempDirectory("zk-import-seeds");
        List<byte[]> seeds = new ArrayList<>();
        Path empty = tmp.resolve("empty");
        try (ZkDataDirWriter w = new ZkDataDirWriter(empty)) {
            w.snapshot();
        }
        seeds.add(export(empty));
        Path small = tmp.resolve("small");
        try (ZkDataDirWriter w = new ZkDataDirWriter(small)) {
            w.snapshot();
            long s1 = w.createSession(0x10000059bb80000L, 30000);
            w.createPlain(s1, "/app", "config");
            w.create(s1, "/app/eph", "e", ZkDataDirWriter.OPEN, true, false);
            w.create(s1, "/app/seq-", "s", ZkDataDirWriter.OPEN, false, true);
            w.createContainer(s1, "/locks");
            w.createTtl(s1, "/ttl", "lease", 60_000);
            w.setData(s1, "/app", new byte[] {0, 1, 2, (byte) 0xff, (byte) 0x80, 'x'});
            w.setAcl(s1, "/app", ZkDataDirWriter.DIGEST);
            w.createPlain(s1, "/u-\u00e9\u4e2d", null);
            w.setData(s1, "/u-\u00e9\u4e2d", null);
        }
        seeds.add(export(small));
        seeds.add(("{\"path\":\"/\",\"data\":null,\"czxid\":\"0\",\"mzxid\":\"0\",\"pzxid\":\"#3\",\"ctime\":0,\"mtime\":0,"
                + "\"version\":0,\"cversion\":1,\"aversion\":0,\"ephemeralOwner\":\"0x0\",\"acl\":null}\n"
                + "{\"path\":\"/a\",\"data\":\"aGk=\",\"czxid\":\"3\",\"mzxid\":\"0x3\",\"pzxid\":\"3\",\"ctime\":5,"
                + "\"mtime\":5,\"version\":0,\"cversion\":0,\"aversion\":0,\"ephemeralOwner\":\"0x8000000000000000\","
                + "\"extra\":[1,{\"x\":2}],\"acl\":[{\"perms\":31,\"scheme\":\"world\",\"id\":\"anyone\"}]}\n")
                .getBytes(UTF_8));
        seeds.add("{\"path\":\"/\"}\n{\"path\":\"/x\",\"data\":\"\",\"ephemeralOwner\":\"0xff00000000000001\"}\n".getBytes(UTF_8));
        Corpus.write(module, ImportFuzzTarget.NAME, "seed", seeds);
    }

    private static byte[] export(Path dataDir) {
        Cli.Result r = Cli.run("export", "--json", dataDir.toString());
        if (r.code() != 0) {
            throw new IllegalStateException(r.toString());
        }
        return r.out().getBytes(UTF_8);
    }
}
