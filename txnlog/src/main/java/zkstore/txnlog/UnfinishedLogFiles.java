package zkstore.txnlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The newest log files of a directory that a crash left without a header: empty, cut inside the 16-byte header, or
 * holding only the zeros of blocks whose reservation reached the disk while the header did not. None can hold a
 * committed txn, since a commit forces the header together with the entries. ZooKeeper stops on such a file unless
 * it is the newest, and even then accepts only an empty one, so a writer going on in a file of another name (a new
 * epoch after a restart) removes them first.
 */
final class UnfinishedLogFiles {
  private static final int BLOCK_BYTES = 64 * 1024;

  private UnfinishedLogFiles() {}

  /** Removes the unfinished files at the end of {@code dir}'s log, newest first; returns them. */
  static List<Path> removeNewest(Path dir) throws IOException {
    List<LogFile> files = LogFiles.list(dir);
    List<Path> removed = new ArrayList<>();
    for (int i = files.size() - 1; i >= 0 && unfinished(files.get(i).path()); i--) {
      Files.delete(files.get(i).path());
      removed.add(files.get(i).path());
    }
    return removed;
  }

  /** A prefix of the header, or nothing but zeros. */
  static boolean unfinished(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      ByteBuffer block = ByteBuffer.allocate((int) Math.min(BLOCK_BYTES, Math.max(size, 1)));
      if (size < LogFormat.HEADER_SIZE) {
        byte[] bytes = read(ch, block, 0);
        return Arrays.equals(bytes, Arrays.copyOf(LogFormat.headerBytes(), bytes.length)) || zeros(bytes);
      }
      for (long at = 0; at < size; ) {
        byte[] bytes = read(ch, block, at);
        if (bytes.length == 0) {
          break;
        }
        if (!zeros(bytes)) {
          return false;
        }
        at += bytes.length;
      }
      return true;
    }
  }

  private static byte[] read(FileChannel ch, ByteBuffer block, long at) throws IOException {
    block.clear();
    int n = Math.max(ch.read(block, at), 0);
    return Arrays.copyOf(block.array(), n);
  }

  private static boolean zeros(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
