package zkstore.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import zkstore.txnlog.CleanEnd;
import zkstore.txnlog.LogFile;
import zkstore.txnlog.LogFiles;
import zkstore.txnlog.ReadOptions;
import zkstore.txnlog.TxnLogReader;
import zkstore.record.TxnRecord;

/**
 * Fuzz targets for the txn log reader. {@link #checkFile} takes the input as one log file; {@link #checkDir}
 * splits it into up to four files of a directory and a start zxid. Properties: only FormatException ends a
 * read; the entries read, re-framed into a fresh log, read back as the same entries with a clean end;
 * allocation stays within 64 bytes per input byte plus 1 MiB; the entries are a prefix of what ZooKeeper
 * 3.9.3's FileTxnLog returns, and all of them when zkstore's read ends cleanly.
 */
public final class TxnLogFuzzTarget {

    /** Corpus directory names under src/test/resources/fuzz/. */
    public static final String FILE = "txnlog-file";
    public static final String DIR = "txnlog-dir";

    private static final ReadOptions OPTIONS = ReadOptions.defaults().withCheckZxidContinuity(false);
    private static Path scratch;

    private TxnLogFuzzTarget() {
    }

    /** Input = the bytes of one log file named log.1. */
    public static void checkFile(byte[] input) throws IOException {
        Path dir = freshDir("file");
        Files.write(dir.resolve("log.1"), input);
        AllocationMeter.check("TxnLogReader (one file)", input.length, 64, 1 << 20, () -> readQuietly(dir, 0));
        LogReadings.Reading ours = LogReadings.zkstore(TxnLogReader.open(dir, 0, OPTIONS));
        checkRewrite(ours.records());
        compareWithZooKeeper(ours, LogReadings.zooKeeper(dir, 0));
    }

    /**
     * Input = [start zxid byte][file count byte] then per file [name zxid byte][length: 2 bytes][bytes]; the
     * last file takes whatever is left.
     */
    public static void checkDir(byte[] input) throws IOException {
        Path dir = freshDir("dir");
        long start = input.length > 0 ? input[0] & 0x1F : 0;
        int files = input.length > 1 ? 1 + (input[1] & 3) : 1;
        int p = 2;
        for (int f = 0; f < files && p < input.length; f++) {
            long nameZxid = 1 + (input[p++] & 0x1F);
            int len = p + 1 < input.length ? ((input[p] & 0xFF) << 8) | (input[p + 1] & 0xFF) : 0;
            p += 2;
            int available = Math.max(0, input.length - p);
            int take = f == files - 1 ? available : Math.min(len, available);
            Path file = dir.resolve("log." + Long.toHexString(nameZxid));
            byte[] bytes = new byte[take];
            System.arraycopy(input, Math.min(p, input.length), bytes, 0, take);
            Files.write(file, bytes);
            p += take;
        }
        AllocationMeter.check("TxnLogReader (directory)", input.length, 64, 1 << 20, () -> readQuietly(dir, start));
        LogReadings.Reading ours = LogReadings.zkstore(TxnLogReader.open(dir, start, OPTIONS));
        checkRewrite(ours.records());
        compareWithZooKeeper(ours, LogReadings.zooKeeper(dir, start));
    }

    private static void readQuietly(Path dir, long start) {
        try {
            LogReadings.zkstore(TxnLogReader.open(dir, start, OPTIONS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkRewrite(List<TxnRecord> records) throws IOException {
        Path dir = freshDir("rewrite");
        Files.write(dir.resolve("log.1"), LogFileBytes.file(records, 64));
        LogReadings.Reading again = LogReadings.zkstore(TxnLogReader.open(dir, Long.MIN_VALUE, OPTIONS));
        if (again.error() != null || !(again.outcome() instanceof CleanEnd)) {
            throw new AssertionError("re-framed entries did not read back cleanly: " + again.outcome(), again.error());
        }
        if (!LogReadings.hasSurrogates(records) && !again.records().equals(records)) {
            throw new AssertionError("re-framed entries read back differently: " + records + " vs " + again.records());
        }
        if (again.records().size() != records.size()) {
            throw new AssertionError("re-framed " + records.size() + " entries, read back " + again.records().size());
        }
    }

    /**
     * Both readers must agree on every entry both returned. When ZooKeeper read without error, zkstore's
     * entries are a prefix of ZooKeeper's (zkstore may stop earlier: it calls damage corruption where
     * ZooKeeper skips to the next file), and all of them if zkstore ended cleanly. When ZooKeeper failed
     * (a short or CRC-damaged file is fatal to it, a torn tail to zkstore), zkstore may read further.
     */
    private static void compareWithZooKeeper(LogReadings.Reading ours, LogReadings.Reading theirs) {
        List<TxnRecord> mine = LogReadings.withoutLegacyFlags(ours.records());
        List<TxnRecord> zk = theirs.records();
        int common = Math.min(mine.size(), zk.size());
        if (!mine.subList(0, common).equals(zk.subList(0, common))) {
            throw new AssertionError("zkstore read " + mine + " but ZooKeeper read " + zk);
        }
        if (theirs.error() == null && mine.size() > zk.size()) {
            throw new AssertionError("zkstore read " + mine.size() + " entries, ZooKeeper only " + zk.size());
        }
        if (theirs.error() == null && ours.error() == null && ours.outcome() instanceof CleanEnd
                && mine.size() != zk.size()) {
            throw new AssertionError("zkstore ended cleanly after " + mine.size() + " entries, ZooKeeper read "
                    + zk.size());
        }
    }

    private static synchronized Path freshDir(String name) throws IOException {
        if (scratch == null) {
            scratch = FuzzScratch.create("zkstore-fuzz-txnlog");
        }
        Path dir = scratch.resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        } else {
            Files.createDirectories(dir);
        }
        return dir;
    }

    /** Log files in a directory, for seed writers. */
    static List<LogFile> list(Path dir) throws IOException {
        return LogFiles.list(dir);
    }
}
