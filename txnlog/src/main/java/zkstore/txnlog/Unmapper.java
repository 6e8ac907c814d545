package zkstore.txnlog;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;

/**
 * Releases a mapping at once instead of at some later GC, so a file is never truncated or deleted while
 * this process still maps it, and long runs do not pile up mappings. Callers must drop every reference.
 */
final class Unmapper {
  private static final sun.misc.Unsafe UNSAFE = load();

  private Unmapper() {}

  static void unmap(ByteBuffer mapped) {
    if (mapped != null && mapped.isDirect() && UNSAFE != null) {
      UNSAFE.invokeCleaner(mapped);
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
