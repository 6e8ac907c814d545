package zkstore.snapshot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The two forces a file replacement needs: the file's content, then the directory entry after a rename. */
interface FileDurability {
  /** Forces the content and metadata of an open file; a failure throws. */
  void forceFile(FileChannel channel) throws IOException;

  /** Forces a directory so that a rename in it survives a crash; a failure throws. */
  void forceDirectory(Path dir) throws IOException;

  /** fsync through {@link FileChannel#force}; directories are opened read-only and forced the same way. */
  FileDurability SYSTEM = new FileDurability() {
    @Override
    public void forceFile(FileChannel channel) throws IOException {
      channel.force(true);
    }

    @Override
    public void forceDirectory(Path dir) throws IOException {
      try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
        ch.force(true);
      }
    }
  };
}
