package zkstore.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** Jazzer entry point for {@link EpochFileFuzzTarget} (fuzzes only under the {@code fuzz} profile). */
class EpochFileFuzzTest {

    @BeforeAll
    static void prepareRun() {
        FuzzRun.prepare(EpochFileFuzzTarget.NAME);
    }

    @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
    void epochFile(byte[] input) throws IOException {
        EpochFileFuzzTarget.check(input);
    }
}
