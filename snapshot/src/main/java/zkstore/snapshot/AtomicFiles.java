package zkstore.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Replaces a small file atomically: write a temporary, force it, rename over the target, force the directory. */
final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Writes {@code content} to {@code target} through {@code temporary} (same directory). On any failure the
   * temporary is removed, and if only the directory force failed the target is removed too, then it throws.
   */
  static void replace(Path target, Path temporary, byte[] content, FileDurability durability) throws IOException {
    try {
      try (FileChannel ch = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bb = ByteBuffer.wrap(content);
        while (bb.hasRemaining()) {
          ch.write(bb);
        }
        durability.forceFile(ch);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temporary, e);
      throw e;
    }
    durability.forceDirectory(parentOf(target));
  }

  static Path parentOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null) {
      throw new IllegalArgumentException("no parent directory: " + file);
    }
    return parent;
  }

  static void deleteQuietly(Path p, Throwable failure) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }
}
