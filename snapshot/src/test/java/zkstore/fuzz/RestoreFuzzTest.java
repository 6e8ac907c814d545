package zkstore.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** Jazzer entry point for {@link RestoreFuzzTarget} (fuzzes only under the {@code fuzz} profile). */
class RestoreFuzzTest {

    @BeforeAll
    static void prepareRun() {
        FuzzRun.prepare(RestoreFuzzTarget.NAME);
    }

    @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
    void restore(byte[] input) throws IOException {
        RestoreFuzzTarget.check(input);
    }
}
