package zkstore.bench.harness;

import java.lang.reflect.Field;
import java.nio.MappedByteBuffer;

/**
 * Ends a harness mapping when the harness is done with it. Left to the GC, the unmap runs later on the
 * Reference Handler thread; if the file was deleted meanwhile, that unmap also frees all its page-cache pages
 * (about 0.1 s per GiB here), in the middle of whichever benchmark is being measured by then.
 */
final class Mappings {
  private static final sun.misc.Unsafe UNSAFE = unsafe();

  private Mappings() {}

  /** Unmaps {@code map} now; nothing may use it afterwards. */
  static void release(MappedByteBuffer map) {
    if (UNSAFE == null) {
      throw new IllegalStateException("sun.misc.Unsafe is not available to unmap a harness mapping");
    }
    UNSAFE.invokeCleaner(map);
  }

  private static sun.misc.Unsafe unsafe() {
    try {
      Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      return (sun.misc.Unsafe) f.get(null);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
