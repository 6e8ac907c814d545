package zkstore.fuzz;

/** Settings shared by every zkstore fuzz target. */
public final class FuzzSettings {

    /** How long each target runs under the {@code fuzz} profile (Jazzer's maxDuration syntax). */
    public static final String MAX_DURATION = "10m";

    /** Mutated inputs per target in the default test run (regression mode), on top of the corpus. */
    public static final int BRIEF_RUN_INPUTS = Boolean.getBoolean("zkstore.test.heavy") ? 200_000 : 2_000;

    private FuzzSettings() {
    }
}
