package zkstore.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** Jazzer entry point for {@link TxnLogFuzzTarget#checkDir} (fuzzes only under the {@code fuzz} profile). */
class TxnLogDirFuzzTest {

    @BeforeAll
    static void prepareRun() {
        FuzzRun.prepare(TxnLogFuzzTarget.DIR);
    }

    @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
    void txnLogDir(byte[] input) throws IOException {
        TxnLogFuzzTarget.checkDir(input);
    }
}
