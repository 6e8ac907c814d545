package zkstore.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** Jazzer entry point for {@link ImportFuzzTarget} (fuzzes only under the {@code fuzz} profile). */
class ImportFuzzTest {

    @BeforeAll
    static void prepareRun() {
        FuzzRun.prepare(ImportFuzzTarget.NAME);
    }

    @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
    void importExport(byte[] input) throws IOException {
        ImportFuzzTarget.check(input);
    }
}
