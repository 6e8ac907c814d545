package zkstore.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import zkstore.cli.UnusableInputException;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.cli.imports.ExportReader;
import zkstore.cli.imports.ImportWriter;
import zkstore.cli.restore.OfflineRestore;
import zkstore.cli.restore.OutputDir;
import zkstore.cli.source.NodeView;
import zkstore.cli.source.TreeImages;

/**
 * Fuzz target for {@code zkstore import FILE --out NEWDIR}: the input is the export file. Properties: the
 * import builds a data dir or throws UnusableInputException naming the file, nothing else; nothing is
 * written outside the output dir (no staging left behind either); allocation stays within a constant times
 * the input size; a data dir that was built restores to the imported tree (export after import is identity,
 * except the data of quota stats nodes, which every load recomputes).
 */
public final class ImportFuzzTarget {

    /** Corpus directory name under src/test/resources/fuzz/. */
    public static final String NAME = "import";

    /** Bytes allocated per input byte, on top of {@link #FIXED_ALLOCATION}. */
    static final long PER_INPUT_BYTE = 200;

    /** Fixed allocation allowance: JSON parser, snapshot writer and loader buffers. */
    static final long FIXED_ALLOCATION = 48L << 20;

    /** Imports that built a data dir (the corpus must reach the write and re-export path). */
    public static final AtomicInteger IMPORTED = new AtomicInteger();

    private static Path scratch;

    private ImportFuzzTarget() {
    }

    public static void check(byte[] input) throws IOException {
        Path run = scratch().resolve("run");
        Path file = run.resolve("export.jsonl");
        Path out = run.resolve("out");
        Object[] outcome = new Object[1];
        try {
            AllocationMeter.check("import", input.length, PER_INPUT_BYTE, FIXED_ALLOCATION, () -> {
                outcome[0] = attempt(input, run, file, out);
            });
            requireNothingOutside(run, file, out);
            if (outcome[0] instanceof UnusableInputException e) {
                if (e.getMessage() == null || !e.getMessage().contains(file.toString())) {
                    throw new AssertionError("import error does not name the input " + file + ": " + e.getMessage(), e);
                }
                return;
            }
            if (outcome[0] instanceof Throwable t) {
                throw new AssertionError("import threw " + t, t);
            }
            @SuppressWarnings("unchecked")
            TreeMap<String, NodeView> imported = (TreeMap<String, NodeView>) outcome[0];
            IMPORTED.incrementAndGet();
            requireSameTree(imported, out);
        } finally {
            deleteTree(run);
        }
    }

    /** The imported nodes, or the Throwable the import raised. */
    private static Object attempt(byte[] input, Path run, Path file, Path out) {
        try {
            deleteTree(run);
            Files.createDirectories(run);
            Files.write(file, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            TreeMap<String, NodeView> nodes = ExportReader.read(file);
            ImportWriter.write(OutputDir.create(out), nodes, 30_000, zkstore.jute.JuteMaxBuffer.DEFAULT);
            return nodes;
        } catch (Throwable t) {
            return t;
        }
    }

    private static void requireNothingOutside(Path run, Path file, Path out) throws IOException {
        try (Stream<Path> s = Files.walk(run)) {
            for (Path p : s.toList()) {
                if (!p.equals(run) && !p.equals(file) && !p.startsWith(out)) {
                    throw new AssertionError("import wrote " + p + " outside its output dir " + out);
                }
            }
        }
        Path v2 = out.resolve(DataDirLayout.VERSION_DIR);
        if (Files.isDirectory(v2)) {
            try (Stream<Path> s = Files.list(v2)) {
                List<Path> left = s.filter(p -> !p.getFileName().toString().startsWith("snapshot.")).toList();
                if (!left.isEmpty()) {
                    throw new AssertionError("import left " + left + " in the output dir");
                }
            }
        }
    }

    private static void requireSameTree(TreeMap<String, NodeView> imported, Path out) throws IOException {
        var restored = OfflineRestore.restore(DataDirLayout.resolve(out, null), zkstore.jute.JuteMaxBuffer.DEFAULT);
        Map<String, NodeView> exported = TreeImages.of(restored.tree(), restored.zxid()).nodes();
        Map<String, NodeView> expected = withoutChildCounts(imported);
        Map<String, NodeView> actual = withoutChildCounts(exported);
        if (!expected.equals(actual)) {
            for (var e : expected.entrySet()) {
                if (!e.getValue().equals(actual.get(e.getKey()))) {
                    throw new AssertionError("imported " + e.getValue() + " exports as " + actual.get(e.getKey()));
                }
            }
            throw new AssertionError("export after import has extra nodes: " + actual.keySet() + " vs " + expected.keySet());
        }
    }

    private static Map<String, NodeView> withoutChildCounts(Map<String, NodeView> nodes) {
        Map<String, NodeView> out = new TreeMap<>();
        nodes.forEach((k, n) -> out.put(k, new NodeView(n.path(), quotaStats(k) ? null : n.data(), n.stat(), n.acl(), 0)));
        return out;
    }

    /** Quota stats nodes, whose data ZooKeeper and zkstore recompute from the tree on every load. */
    private static boolean quotaStats(String path) {
        return path.startsWith("/zookeeper/quota/") && path.endsWith("/zookeeper_stats");
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            PathUtils.deleteDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scratch dir, in memory where the OS offers one: every import forces its snapshot to disk. */
    private static synchronized Path scratch() throws IOException {
        if (scratch == null) {
            Path shm = Path.of("/dev/shm");
            scratch = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? FuzzScratch.create(shm, "zkstore-fuzz-import")
                    : FuzzScratch.create("zkstore-fuzz-import");
        }
        return scratch;
    }
}
