package zkstore.txnlog;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;

/**
 * Releases a mapping or a direct buffer at once instead of at some later GC, so a file is never truncated or
 * deleted while this process still maps it, and long runs do not pile up mappings or native memory. Callers
 * must drop every reference.
 */
final class Unmapper {
  private static final sun.misc.Unsafe UNSAFE = load();

  private Unmapper() {}

  /** Frees a direct buffer (mapped or allocated) that is no view of another; null is ignored. */
  static void free(ByteBuffer direct) {
    if (direct != null && direct.isDirect() && UNSAFE != null) {
      UNSAFE.invokeCleaner(direct);
    }
  }

  private static sun.misc.Unsafe load() {
    try {
      Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      return (sun.misc.Unsafe) f.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
