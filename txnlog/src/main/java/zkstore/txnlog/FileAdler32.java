package zkstore.txnlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.Adler32;

/**
 * The Adler32 of a range of a file, read by position in blocks so that nothing of the range's length is held: how a
 * frame that claims a long payload is checked before a buffer of that length is allocated for it.
 */
public final class FileAdler32 {
  private static final int BLOCK_BYTES = 64 * 1024;

  private FileAdler32() {}

  /** The Adler32 of the {@code len} bytes of {@code file} at {@code from}; -1 if the file ends first. */
  public static long of(FileChannel file, long from, long len) throws IOException {
    Adler32 sum = new Adler32();
    ByteBuffer block = ByteBuffer.allocate((int) Math.min(BLOCK_BYTES, Math.max(len, 1)));
    for (long at = from; at < from + len; ) {
      block.clear().limit((int) Math.min(block.capacity(), from + len - at));
      int n = file.read(block, at);
      if (n <= 0) {
        return -1;
      }
      sum.update(block.array(), 0, n);
      at += n;
    }
    return sum.getValue();
  }
}
