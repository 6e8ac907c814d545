package zkstore.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** Jazzer entry point for {@link SnapshotFuzzTarget#checkGz} (fuzzes only under the {@code fuzz} profile). */
class SnapshotGzFuzzTest {

    @BeforeAll
    static void prepareRun() {
        FuzzRun.prepare(SnapshotFuzzTarget.GZ);
    }

    @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
    void snapshotGz(byte[] input) throws IOException {
        SnapshotFuzzTarget.checkGz(input);
    }
}
