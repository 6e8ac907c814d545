package zkstore.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.xerial.snappy.SnappyError;
import org.xerial.snappy.SnappyInputStream;

/** Copies and damages of data dirs for the restore tests. */
final class DataDirs {
  private DataDirs() {}

  /** A fresh copy of {@code pristine} at {@code scratch/name}, for one test to damage. */
  static Path copyOf(Path pristine, Path scratch, String name) throws IOException {
    Path dir = scratch.resolve(name);
    copy(pristine, dir);
    return dir;
  }

  /** The {@code version-2} directory of a data dir. */
  static Path v2(Path dataDir) {
    return dataDir.resolve("version-2");
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.sorted().toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Files of {@code version2} whose name starts with {@code prefix + "."}, newest zxid first. */
  static List<Path> newestFirst(Path version2, String prefix) throws IOException {
    try (Stream<Path> s = Files.list(version2)) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix + "."))
          .sorted(Comparator.comparingLong((Path p) -> Long.parseLong(p.getFileName().toString().split("\\.")[1], 16))
              .reversed())
          .toList();
    }
  }

  static void truncate(Path file, long length) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(length);
    }
  }

  static void flipByte(Path file, long offset) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(offset);
      int b = f.read();
      f.seek(offset);
      f.write(b ^ 0x5a);
    }
  }

  /**
   * Flips one byte of a snapshot file, the first from {@code from} on whose flip changes the stream the file
   * decodes to (or stops it decoding): in a .snappy file about one flip in a hundred leaves that stream as it
   * was (a copy of equal bytes), and the file is then still rightly valid. Returns the offset flipped.
   */
  static long flipByteThatChangesTheStream(Path snapshot, long from) throws IOException {
    byte[] before = decodedStream(snapshot);
    long size = Files.size(snapshot);
    for (long at = from; at < size; at++) {
      flipByte(snapshot, at);
      if (!Arrays.equals(before, decodedStream(snapshot))) {
        return at;
      }
      flipByte(snapshot, at);
    }
    throw new IllegalStateException("no byte of " + snapshot + " from " + from + " on changes its decoded stream");
  }

  /**
   * The stream a snapshot file decodes to (gunzipped or unsnappied by its name), or null if it no longer
   * decodes: a flipped byte in a compressed file can leave that stream unchanged (a copy of equal bytes).
   */
  static byte[] decodedStream(Path snapshot) throws IOException {
    String name = snapshot.getFileName().toString();
    try (InputStream raw = Files.newInputStream(snapshot);
        InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw)
            : name.endsWith(".snappy") ? new SnappyInputStream(raw) : raw) {
      return in.readAllBytes();
    } catch (IOException | RuntimeException | SnappyError e) {
      // snappy-java throws SnappyError, an Error, for some damaged chunks
      return null;
    }
  }

  /** Offset just after the last non-zero byte of a (preallocated) log file. */
  static long endOfData(Path log) throws IOException {
    byte[] b = Files.readAllBytes(log);
    int i = b.length - 1;
    while (i >= 0 && b[i] == 0) {
      i--;
    }
    return i + 1;
  }
}
