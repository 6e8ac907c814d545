package zkstore.testing;

/**
 * Settings of a {@link RandomWorkload}.
 *
 * @param seed random seed; the same seed gives the same txns
 * @param dataSize typical node data size in bytes (actual sizes vary from 0 to twice this)
 * @param names how many distinct node names per level (fewer: more collisions and failures)
 * @param maxDepth deepest path level generated
 * @param startTimeMs header time of the first txn; each txn adds 1 to 3 ms
 * @param quotas whether to put quotas on subtrees and change them
 */
public record WorkloadConfig(long seed, int dataSize, int names, int maxDepth, long startTimeMs, boolean quotas) {

    /** Defaults: 100-byte data, 12 names per level, depth 4, quotas on. */
    public static WorkloadConfig seeded(long seed) {
        return new WorkloadConfig(seed, 100, 12, 4, 1_700_000_000_000L, true);
    }

    public WorkloadConfig withDataSize(int size) {
        return new WorkloadConfig(seed, size, names, maxDepth, startTimeMs, quotas);
    }

    public WorkloadConfig withNames(int n) {
        return new WorkloadConfig(seed, dataSize, n, maxDepth, startTimeMs, quotas);
    }

    public WorkloadConfig withMaxDepth(int depth) {
        return new WorkloadConfig(seed, dataSize, names, depth, startTimeMs, quotas);
    }

    public WorkloadConfig withQuotas(boolean on) {
        return new WorkloadConfig(seed, dataSize, names, maxDepth, startTimeMs, on);
    }
}
