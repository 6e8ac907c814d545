package zkstore.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** Jazzer entry point for {@link SnapshotFuzzTarget#checkPlain} (fuzzes only under the {@code fuzz} profile). */
class SnapshotPlainFuzzTest {

    @BeforeAll
    static void prepareRun() {
        FuzzRun.prepare(SnapshotFuzzTarget.PLAIN);
    }

    @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
    void snapshotPlain(byte[] input) throws IOException {
        SnapshotFuzzTarget.checkPlain(input);
    }
}
