package zkstore.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates the directories a fuzzing run writes to (its generated corpus and its findings), which the
 * {@code fuzz} profile passes to Jazzer as {@code jazzer.internal.arg.N} properties and which libFuzzer
 * expects to exist. Call it from each fuzz test's {@code @BeforeAll}; without the profile it does nothing.
 */
public final class FuzzRunDirectories {

    private static final String ARG = "jazzer.internal.arg.";
    private static final String ARTIFACT_PREFIX = "-artifact_prefix=";

    private FuzzRunDirectories() {
    }

    public static void create() {
        for (int i = 1; i < 64; i++) {
            String arg = System.getProperty(ARG + i);
            if (arg == null) {
                break;
            }
            try {
                if (arg.startsWith(ARTIFACT_PREFIX)) {
                    Files.createDirectories(Path.of(arg.substring(ARTIFACT_PREFIX.length())));
                } else if (!arg.startsWith("-")) {
                    Files.createDirectories(Path.of(arg));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
