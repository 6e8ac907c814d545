package zkstore.txnlog;

import jnr.ffi.LibraryLoader;

/**
 * Linux's {@code sync_file_range(SYNC_FILE_RANGE_WRITE)}: queues the dirty pages of a file range for write-out
 * and returns without waiting for them. It makes nothing durable (no metadata, no device cache flush); a
 * later fdatasync still does that, but finds those pages already written or on their way.
 */
final class WritebackStarter {
  private static final int SYNC_FILE_RANGE_WRITE = 2;
  private static final LibC LIBC = load();

  /** The libc call, bound through jnr-ffi (which the posix library already brings). */
  public interface LibC {
    int sync_file_range(int fd, long offset, long nbytes, int flags);
  }

  private WritebackStarter() {}

  private static LibC load() {
    if (!System.getProperty("os.name", "").startsWith("Linux")) {
      return null;
    }
    try {
      return LibraryLoader.create(LibC.class).load("c");
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** Whether the call is available here. */
  static boolean available() {
    return LIBC != null;
  }

  /** Queues write-out of file bytes {@code [from, to)} of {@code fd}; false if it could not. */
  static boolean start(int fd, long from, long to) {
    return LIBC != null && fd >= 0 && to > from
        && LIBC.sync_file_range(fd, from, to - from, SYNC_FILE_RANGE_WRITE) == 0;
  }
}
