package zkstore.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Regression mode for the txnlog fuzz targets: the corpus, then a brief seeded mutation run. */
class TxnLogFuzzRegressionTest {

    @Test
    void logFileCorpusPassesEveryProperty() {
        assertTrue(BriefFuzz.replayCorpus(getClass(), TxnLogFuzzTarget.FILE, TxnLogFuzzTarget::checkFile) > 0);
    }

    @Test
    void logFileSurvivesBriefMutationRun() {
        BriefFuzz.mutate(getClass(), TxnLogFuzzTarget.FILE, FuzzSettings.BRIEF_RUN_INPUTS / 16, TxnLogFuzzTarget::checkFile);
    }

    @Test
    void logDirCorpusPassesEveryProperty() {
        assertTrue(BriefFuzz.replayCorpus(getClass(), TxnLogFuzzTarget.DIR, TxnLogFuzzTarget::checkDir) > 0);
    }

    @Test
    void logDirSurvivesBriefMutationRun() {
        BriefFuzz.mutate(getClass(), TxnLogFuzzTarget.DIR, FuzzSettings.BRIEF_RUN_INPUTS / 16, TxnLogFuzzTarget::checkDir);
    }
}
