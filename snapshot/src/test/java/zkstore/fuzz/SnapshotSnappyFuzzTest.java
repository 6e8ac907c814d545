package zkstore.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** Jazzer entry point for {@link SnapshotFuzzTarget#checkSnappy} (fuzzes only under the {@code fuzz} profile). */
class SnapshotSnappyFuzzTest {

    @BeforeAll
    static void prepareRun() {
        FuzzRun.prepare(SnapshotFuzzTarget.SNAPPY);
    }

    @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
    void snapshotSnappy(byte[] input) throws IOException {
        SnapshotFuzzTarget.checkSnappy(input);
    }
}
