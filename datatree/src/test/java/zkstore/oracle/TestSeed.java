package zkstore.oracle;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The seed of a random test: {@code -Dzkstore.seed=N} if given, otherwise a fresh one. Always printed
 * (to the test's output) with the command-line flag that re-runs it; put {@link #describe(long)} in
 * assertion messages too.
 */
public final class TestSeed {

    private TestSeed() {
    }

    /** Resolves and prints the seed for {@code testName}. */
    public static long resolve(String testName) {
        String given = System.getProperty("zkstore.seed");
        long seed = given != null && !given.isBlank() ? Long.parseLong(given.trim())
                : ThreadLocalRandom.current().nextLong();
        System.out.println(testName + ": " + describe(seed));
        return seed;
    }

    /** "seed=N (re-run with -Dzkstore.seed=N)". */
    public static String describe(long seed) {
        return "seed=" + seed + " (re-run with -Dzkstore.seed=" + seed + ")";
    }
}
