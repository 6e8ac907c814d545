package zkstore.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;

/** Jazzer entry point for {@link JutePayloadFuzzTarget} (fuzzes only under the {@code fuzz} profile). */
class JutePayloadFuzzTest {

    @BeforeAll
    static void prepareRun() {
        FuzzRun.prepare(JutePayloadFuzzTarget.NAME);
    }

    @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
    void jutePayload(byte[] input) {
        JutePayloadFuzzTarget.check(input);
    }
}
