package zkstore.fuzz;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread, to check that a reader's memory stays bounded by its input
 * size times a small constant (HotSpot's per-thread allocation counter; unsupported JVMs report -1).
 */
public final class AllocationMeter {

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private AllocationMeter() {
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported()) {
            t.setThreadAllocatedMemoryEnabled(true);
            return t;
        }
        return null;
    }

    /** Bytes allocated so far by this thread, or -1 if the JVM cannot tell. */
    public static long allocatedBytes() {
        return THREADS == null ? -1 : THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /**
     * Fails if {@code action} allocates more than {@code perInputByte * inputLength + fixed} bytes. A run
     * over the bound is repeated once before failing, because the first execution of a code path also
     * allocates for class loading, call-site linking and (under Jazzer) instrumentation.
     */
    public static void check(String what, int inputLength, long perInputByte, long fixed, Runnable action) {
        long bound = perInputByte * inputLength + fixed;
        long used = measure(action);
        if (used > bound) {
            used = measure(action);
            if (used > bound) {
                throw new AssertionError(what + " allocated " + used + " bytes for a " + inputLength
                        + "-byte input, more than the bound " + bound);
            }
        }
    }

    private static long measure(Runnable action) {
        long before = allocatedBytes();
        action.run();
        return before < 0 ? 0 : allocatedBytes() - before;
    }
}
