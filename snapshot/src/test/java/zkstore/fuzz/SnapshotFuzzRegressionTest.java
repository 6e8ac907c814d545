package zkstore.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Regression mode for the snapshot module's fuzz targets: each corpus, then a brief seeded mutation run. */
class SnapshotFuzzRegressionTest {

    private static final int INPUTS = FuzzSettings.BRIEF_RUN_INPUTS / 16;

    @Test
    void plainSnapshotCorpusPassesEveryProperty() {
        assertTrue(BriefFuzz.replayCorpus(getClass(), SnapshotFuzzTarget.PLAIN, SnapshotFuzzTarget::checkPlain) > 0);
        BriefFuzz.mutate(getClass(), SnapshotFuzzTarget.PLAIN, INPUTS, SnapshotFuzzTarget::checkPlain);
    }

    @Test
    void gzSnapshotCorpusPassesEveryProperty() {
        assertTrue(BriefFuzz.replayCorpus(getClass(), SnapshotFuzzTarget.GZ, SnapshotFuzzTarget::checkGz) > 0);
        BriefFuzz.mutate(getClass(), SnapshotFuzzTarget.GZ, INPUTS, SnapshotFuzzTarget::checkGz);
    }

    @Test
    void snappySnapshotCorpusPassesEveryProperty() {
        assertTrue(BriefFuzz.replayCorpus(getClass(), SnapshotFuzzTarget.SNAPPY, SnapshotFuzzTarget::checkSnappy) > 0);
        BriefFuzz.mutate(getClass(), SnapshotFuzzTarget.SNAPPY, INPUTS, SnapshotFuzzTarget::checkSnappy);
    }

    @Test
    void restoreCorpusPassesEveryProperty() {
        assertTrue(BriefFuzz.replayCorpus(getClass(), RestoreFuzzTarget.NAME, RestoreFuzzTarget::check) > 0);
        assertTrue(RestoreFuzzTarget.RESTORED.get() > 0, "no corpus data dir restores; the target never reaches replay");
        BriefFuzz.mutate(getClass(), RestoreFuzzTarget.NAME, INPUTS, RestoreFuzzTarget::check);
    }

    @Test
    void epochFileCorpusPassesEveryProperty() {
        assertTrue(BriefFuzz.replayCorpus(getClass(), EpochFileFuzzTarget.NAME, EpochFileFuzzTarget::check) > 0);
        BriefFuzz.mutate(getClass(), EpochFileFuzzTarget.NAME, INPUTS, EpochFileFuzzTarget::check);
    }
}
