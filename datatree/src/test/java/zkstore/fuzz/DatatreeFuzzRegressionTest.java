package zkstore.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Regression mode for the datatree module's fuzz targets: the corpus, then a brief seeded mutation run. */
class DatatreeFuzzRegressionTest {

    @Test
    void jutePayloadCorpusPassesEveryProperty() {
        int files = BriefFuzz.replayCorpus(getClass(), JutePayloadFuzzTarget.NAME, JutePayloadFuzzTarget::check);
        assertTrue(files > 0, "the jute-payload corpus is missing");
    }

    @Test
    void jutePayloadSurvivesBriefMutationRun() {
        BriefFuzz.mutate(getClass(), JutePayloadFuzzTarget.NAME, FuzzSettings.BRIEF_RUN_INPUTS,
                JutePayloadFuzzTarget::check);
    }
}
