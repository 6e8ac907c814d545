package zkstore.snapshot;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.xerial.snappy.SnappyInputStream;

/**
 * Whether ZooKeeper 3.9 falls back from a damaged snapshot to an older one. Its restore catches only
 * {@code IOException} around each candidate, so damage that makes its deserializer throw an unchecked exception
 * first stops the whole start-up. Three places do that, all before the first seal is checked: an ACL list whose
 * count is -1 (a {@code RuntimeException}, "missing acls"), an ACL with a null scheme or id (a
 * {@code NullPointerException} once the ACL map is read, from hashing it) and a null node path (a
 * {@code NullPointerException} when the node is stored). This walks the stream in ZooKeeper's order and reports
 * which of them, if any, it meets before an {@code IOException}.
 */
public final class ZooKeeperSnapshotFallback {
  /** ZooKeeper's default limit for one buffer or string (jute.maxbuffer plus its extra size). */
  private static final int MAX_LENGTH = 2_097_150;

  private final DataInputStream in;
  /** Bytes read so far, of the uncompressed stream where the file is compressed. */
  private long position;
  /** Words an offset so that it names the stream it counts. */
  private final String offsetSuffix;

  private ZooKeeperSnapshotFallback(InputStream in, boolean compressed) {
    this.in = new DataInputStream(in);
    this.offsetSuffix = compressed ? zkstore.jute.FormatException.UNCOMPRESSED_STREAM : "";
  }

  /**
   * The unchecked exception ZooKeeper throws reading {@code file}, described in a sentence, or empty when it
   * reads it or fails with an {@code IOException} (and so tries the next older snapshot).
   */
  public static Optional<String> uncheckedFailure(SnapshotFile file) throws IOException {
    try (InputStream raw = open(file)) {
      return new ZooKeeperSnapshotFallback(raw, file.compression() != SnapshotCompression.NONE).walk();
    } catch (IOException | RuntimeException e) {
      // What ZooKeeper meets first here is a checked error (or a decompression failure it reports the same way).
      return Optional.empty();
    }
  }

  private static InputStream open(SnapshotFile file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file.path()), 1 << 16);
    switch (file.compression()) {
      case GZIP:
        return new GZIPInputStream(raw, 1 << 16);
      case SNAPPY:
        return new SnappyInputStream(raw);
      default:
        return raw;
    }
  }

  private Optional<String> walk() throws IOException {
    if (readInt() != SnapshotFormat.MAGIC) {
      return Optional.empty();
    }
    readInt();
    readLong();
    for (int sessions = readInt(); sessions > 0; sessions--) {
      readLong();
      readInt();
    }
    Optional<String> acl = aclMap();
    return acl.isPresent() ? acl : nodes();
  }

  private Optional<String> aclMap() throws IOException {
    String nullId = null;
    for (int entries = readInt(); entries > 0; entries--) {
      long key = readLong();
      long countAt = position;
      int count = readInt();
      if (count == -1) {
        return Optional.of("RuntimeException \"missing acls\": the ACL list of key " + key + " at offset " + countAt
            + offsetSuffix + " has a count of -1");
      }
      for (int i = 0; i < count; i++) {
        readInt();
        long schemeAt = position;
        boolean scheme = readString() != null;
        boolean id = readString() != null;
        if ((!scheme || !id) && nullId == null) {
          nullId = "NullPointerException: the ACL at offset " + schemeAt + offsetSuffix + " in the list of key " + key
              + " has a null " + (scheme ? "id" : "scheme");
        }
      }
    }
    return Optional.ofNullable(nullId);
  }

  private Optional<String> nodes() throws IOException {
    Set<String> paths = new HashSet<>();
    while (true) {
      long pathAt = position;
      String path = readString();
      if ("/".equals(path)) {
        return Optional.empty();
      }
      readBuffer();
      readLong();
      skip(SnapshotFormat.NODE_TAIL_BYTES - 8);
      if (path == null) {
        return Optional.of("NullPointerException: the node at offset " + pathAt + offsetSuffix + " has a null path");
      }
      int slash = path.lastIndexOf('/');
      if (slash >= 0 && !paths.contains(path.substring(0, slash))) {
        return Optional.empty();
      }
      paths.add(path);
    }
  }

  private String readString() throws IOException {
    byte[] b = readBuffer();
    return b == null ? null : new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

  private byte[] readBuffer() throws IOException {
    int len = readInt();
    if (len == -1) {
      return null;
    }
    if (len < 0 || len > MAX_LENGTH) {
      throw new IOException("Unreasonable length = " + len);
    }
    byte[] b = new byte[len];
    in.readFully(b);
    position += len;
    return b;
  }

  private int readInt() throws IOException {
    position += 4;
    return in.readInt();
  }

  private long readLong() throws IOException {
    position += 8;
    return in.readLong();
  }

  private void skip(int bytes) throws IOException {
    in.readFully(new byte[bytes]);
    position += bytes;
  }
}
