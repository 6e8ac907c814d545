package zkstore.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Regression mode for the tools module's fuzz target: the import corpus, then a brief seeded mutation run. */
class ToolsFuzzRegressionTest {

    private static final int INPUTS = FuzzSettings.BRIEF_RUN_INPUTS / 8;

    @Test
    void importCorpusPassesEveryProperty() {
        assertTrue(BriefFuzz.replayCorpus(getClass(), ImportFuzzTarget.NAME, ImportFuzzTarget::check) > 0);
        assertTrue(ImportFuzzTarget.IMPORTED.get() > 0, "no corpus file imports; the target never reaches the write path");
        BriefFuzz.mutate(getClass(), ImportFuzzTarget.NAME, INPUTS, ImportFuzzTarget::check);
    }
}
