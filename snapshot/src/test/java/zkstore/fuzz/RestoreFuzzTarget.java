package zkstore.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import zkstore.engine.EngineConfig;
import zkstore.engine.RestoreRefusedException;
import zkstore.engine.StoreRestore;
import zkstore.jute.FormatException;

/**
 * Fuzz target for the restore path over a fuzzed data dir. Input = [file count byte] then per file
 * [kind and name byte: high bit set = log.&lt;z&gt;, clear = snapshot.&lt;z&gt;, z = low 5 bits][length: 2 bytes]
 * [bytes]; the last file takes what is left. Properties: restore returns a tree or fails with zkstore's own
 * IOException types (FormatException, RestoreRefusedException or another zkstore.* IOException), never an
 * unchecked or JDK exception; a restored tree's incremental digest equals its recomputed digest; allocation
 * stays within 256 bytes per input byte plus 4 MiB.
 */
public final class RestoreFuzzTarget {

    /** Corpus directory name under src/test/resources/fuzz/. */
    public static final String NAME = "restore";

    /** Inputs that restored to a tree, since the JVM started (for tests that a corpus reaches the replay). */
    static final java.util.concurrent.atomic.AtomicLong RESTORED = new java.util.concurrent.atomic.AtomicLong();

    private static Path scratch;

    private RestoreFuzzTarget() {
    }

    public static void check(byte[] input) throws IOException {
        Path dataDir = freshDataDir();
        Path v2 = dataDir.resolve("version-2");
        int files = input.length > 0 ? 1 + (input[0] & 3) : 0;
        int p = 1;
        for (int f = 0; f < files && p < input.length; f++) {
            int kind = input[p++] & 0xFF;
            int len = p + 1 < input.length ? ((input[p] & 0xFF) << 8) | (input[p + 1] & 0xFF) : 0;
            p += 2;
            int available = Math.max(0, input.length - p);
            int take = f == files - 1 ? available : Math.min(len, available);
            String name = ((kind & 0x80) != 0 ? "log." : "snapshot.") + Long.toHexString(kind & 0x1F);
            byte[] bytes = new byte[take];
            System.arraycopy(input, Math.min(p, input.length), bytes, 0, take);
            Files.write(v2.resolve(name), bytes);
            p += take;
        }
        EngineConfig config = EngineConfig.of(dataDir);
        AllocationMeter.check("StoreRestore.latest", input.length, 256, 4 << 20, () -> restoreQuietly(config));
        StoreRestore.RestoredTree restored;
        try {
            restored = StoreRestore.latest(config);
        } catch (FormatException | RestoreRefusedException expected) {
            return;
        } catch (IOException e) {
            if (e.getClass().getName().startsWith("zkstore.")) {
                return;
            }
            throw new AssertionError("restore failed with a non-zkstore exception", e);
        }
        RESTORED.incrementAndGet();
        long incremental = restored.tree().digest();
        long recomputed = restored.tree().recomputeDigest();
        if (incremental != recomputed) {
            throw new AssertionError("restored tree digest 0x" + Long.toHexString(incremental)
                    + " but recomputed 0x" + Long.toHexString(recomputed) + "; report " + restored.report());
        }
    }

    private static void restoreQuietly(EngineConfig config) {
        try {
            StoreRestore.latest(config);
        } catch (IOException expected) {
            // outcomes are checked by the caller; only the allocation is measured here
        }
    }

    private static synchronized Path freshDataDir() throws IOException {
        if (scratch == null) {
            scratch = FuzzScratch.create("zkstore-fuzz-restore");
        }
        Path v2 = scratch.resolve("version-2");
        if (Files.exists(v2)) {
            try (Stream<Path> files = Files.list(v2)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        } else {
            Files.createDirectories(v2);
        }
        return scratch;
    }
}
