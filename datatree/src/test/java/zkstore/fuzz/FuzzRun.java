package zkstore.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;

/**
 * Set-up shared by the Jazzer entry points, called from each fuzz test's {@code @BeforeAll}: skips the
 * target unless {@code -Dzkstore.fuzz.only=<target>[,<target>...]} (if given) names it, and creates the
 * directories the {@code fuzz} profile passes to Jazzer as {@code jazzer.internal.arg.N} (generated corpus,
 * findings), which libFuzzer expects to exist. Without the profile only the selection applies.
 */
public final class FuzzRun {

    private static final String ARG = "jazzer.internal.arg.";
    private static final String ARTIFACT_PREFIX = "-artifact_prefix=";

    private FuzzRun() {
    }

    public static void prepare(String target) {
        String only = System.getProperty("zkstore.fuzz.only");
        if (only != null && !only.isBlank()) {
            Assumptions.assumeTrue(Arrays.stream(only.split(",")).map(String::trim).anyMatch(target::equals),
                    "zkstore.fuzz.only=" + only + " does not select " + target);
        }
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
