package zkstore.txnlog;

import java.io.IOException;
import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import net.openhft.posix.OpenFlag;
import net.openhft.posix.PosixAPI;

/** Linux's cachestat(2) (6.5 and later): how many pages of a file range are cached, dirty and under write-out. */
record CacheStat(long cached, long dirty, long writeback) {
  private static final long SYS_CACHESTAT_X86_64 = 451;

  /** The libc entry, bound through jnr-ffi. */
  public interface LibC {
    long syscall(long number, int fd, Pointer range, Pointer stat, int flags);
  }

  private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");

  /** Whether cachestat answers here (x86_64 Linux with a kernel that has it). */
  static boolean supported(Path anyFile) {
    if (!"amd64".equals(System.getProperty("os.arch")) || !System.getProperty("os.name", "").startsWith("Linux")) {
      return false;
    }
    try {
      of(anyFile, 0, 4096);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The page-cache state of file bytes {@code [offset, offset + length)}. */
  static CacheStat of(Path file, long offset, long length) throws IOException {
    PosixAPI posix = PosixAPI.posix();
    int fd = posix.open(file.toString(), OpenFlag.O_RDONLY.value(), 0);
    if (fd < 0) {
      throw new IOException("cannot open " + file + ": errno " + posix.lastError());
    }
    try {
      Runtime rt = Runtime.getRuntime(LIBC);
      Pointer range = Memory.allocateDirect(rt, 16);
      range.putLong(0, offset);
      range.putLong(8, length);
      Pointer stat = Memory.allocateDirect(rt, 40);
      if (LIBC.syscall(SYS_CACHESTAT_X86_64, fd, range, stat, 0) != 0) {
        throw new IOException("cachestat of " + file + " failed: errno " + rt.getLastError());
      }
      return new CacheStat(stat.getLong(0), stat.getLong(8), stat.getLong(16));
    } finally {
      posix.close(fd);
    }
  }
}
