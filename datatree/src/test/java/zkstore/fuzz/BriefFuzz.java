package zkstore.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import zkstore.oracle.TestSeed;

/**
 * The default test run's share of fuzzing: replays a target's corpus, then feeds it a fixed number of
 * seeded mutations ({@link ByteMutator}). A failing input is saved under {@code target/fuzz-findings/}
 * and reported with the seed, ready to become a named regression test.
 */
public final class BriefFuzz {

    /** A fuzz target: throws on a property violation or an unexpected exception. */
    @FunctionalInterface
    public interface Target {
        void run(byte[] input) throws Exception;
    }

    private BriefFuzz() {
    }

    /** Replays every corpus file of {@code name}; failures name the file. */
    public static int replayCorpus(Class<?> owner, String name, Target target) {
        Map<String, byte[]> corpus = Corpus.load(owner, name);
        for (Map.Entry<String, byte[]> e : corpus.entrySet()) {
            runOne(name, "corpus file " + e.getKey(), e.getValue(), target);
        }
        return corpus.size();
    }

    /** Runs {@code inputs} seeded mutations of the corpus of {@code name} through {@code target}. */
    public static void mutate(Class<?> owner, String name, int inputs, Target target) {
        long seed = TestSeed.resolve("BriefFuzz." + name);
        List<byte[]> corpus = Corpus.inputs(owner, name);
        ByteMutator mutator = new ByteMutator(seed);
        for (int i = 0; i < inputs; i++) {
            runOne(name, "mutation " + i + " " + TestSeed.describe(seed), mutator.next(corpus), target);
        }
    }

    private static void runOne(String name, String what, byte[] input, Target target) {
        try {
            target.run(input);
        } catch (Throwable t) {
            String saved = save(name, input);
            throw new AssertionError(name + " failed on " + what + " (input saved as " + saved + "): "
                    + HexFormat.of().formatHex(input, 0, Math.min(input.length, 256)), t);
        }
    }

    private static String save(String name, byte[] input) {
        try {
            Path dir = Path.of("target", "fuzz-findings", name);
            Files.createDirectories(dir);
            Path file = dir.resolve("finding-" + Integer.toHexString(java.util.Arrays.hashCode(input)));
            Files.write(file, input);
            return file.toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
