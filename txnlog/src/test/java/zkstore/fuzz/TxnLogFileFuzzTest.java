package zkstore.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** Jazzer entry point for {@link TxnLogFuzzTarget#checkFile} (fuzzes only under the {@code fuzz} profile). */
class TxnLogFileFuzzTest {

    @BeforeAll
    static void prepareRun() {
        FuzzRun.prepare(TxnLogFuzzTarget.FILE);
    }

    @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
    void txnLogFile(byte[] input) throws IOException {
        TxnLogFuzzTarget.checkFile(input);
    }
}
