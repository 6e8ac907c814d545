package zkstore.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Lists the snapshots of a {@code version-2} directory and applies ZooKeeper's cheap validity pre-check. */
public final class SnapshotFiles {
  /** snappy-java's stream magic, the first 8 bytes of a {@code .snappy} snapshot. */
  static final byte[] SNAPPY_MAGIC = {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0};

  private static final Comparator<SnapshotFile> NEWEST_FIRST =
      Comparator.comparingLong(SnapshotFile::zxid).reversed()
          .thenComparing(f -> f.name().name());

  private SnapshotFiles() {}

  /** Every file whose name ZooKeeper parses as a snapshot, newest zxid first (ties by name); no content check. */
  public static List<SnapshotFile> listNewestFirst(Path dir) throws IOException {
    List<SnapshotFile> files = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      entries.forEach(p -> SnapshotFileName.parse(p.getFileName().toString())
          .ifPresent(n -> {
            if (Files.isRegularFile(p)) {
              files.add(new SnapshotFile(p, n));
            }
          }));
    } catch (NoSuchFileException e) {
      return List.of();
    }
    files.sort(NEWEST_FIRST);
    return files;
  }

  /** The newest {@code max} snapshots that pass {@link #passesPrecheck}, newest first (ZooKeeper: findNValidSnapshots). */
  public static List<SnapshotFile> newestValid(Path dir, int max) throws IOException {
    List<SnapshotFile> valid = new ArrayList<>();
    for (SnapshotFile f : listNewestFirst(dir)) {
      if (valid.size() >= max) {
        break;
      }
      if (passesPrecheck(f)) {
        valid.add(f);
      }
    }
    return valid;
  }

  /** Leftovers of interrupted snapshot writes ({@code tmp.snapshot.*}); safe to delete when no write is running. */
  public static List<Path> temporaries(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> SnapshotFileName.isTemporary(p.getFileName().toString())).sorted().toList();
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }

  /**
   * ZooKeeper's {@code isValidSnapshot}: a plain file is at least 10 bytes and ends in {@code 00 00 00 01 2F};
   * a {@code .gz} starts with {@code 1F 8B}; a {@code .snappy} starts with snappy-java's magic. Passing says
   * nothing about the seals: a truncated compressed file passes.
   */
  public static boolean passesPrecheck(SnapshotFile file) throws IOException {
    Path p = file.path();
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
      long size = ch.size();
      switch (file.compression()) {
        case GZIP: {
          byte[] head = readAt(ch, 0, 2, size);
          return head != null && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        }
        case SNAPPY: {
          byte[] head = readAt(ch, 0, SNAPPY_MAGIC.length, size);
          return head != null && Arrays.equals(head, SNAPPY_MAGIC);
        }
        default: {
          if (size < 10) {
            return false;
          }
          byte[] tail = readAt(ch, size - 5, 5, size);
          return tail != null && tail[0] == 0 && tail[1] == 0 && tail[2] == 0 && tail[3] == 1 && tail[4] == '/';
        }
      }
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  private static byte[] readAt(FileChannel ch, long pos, int len, long size) throws IOException {
    if (size < pos + len) {
      return null;
    }
    ByteBuffer bb = ByteBuffer.allocate(len);
    while (bb.hasRemaining()) {
      if (ch.read(bb, pos + bb.position()) < 0) {
        return null;
      }
    }
    return bb.array();
  }
}
