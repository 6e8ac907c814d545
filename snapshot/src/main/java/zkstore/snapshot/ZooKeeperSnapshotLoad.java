package zkstore.snapshot;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.Adler32;
import java.util.zip.CheckedInputStream;
import java.util.zip.GZIPInputStream;
import org.xerial.snappy.SnappyInputStream;
import zkstore.jute.JuteMaxBuffer;
import zkstore.tree.NodeKind;

/**
 * What ZooKeeper 3.9's {@code FileSnap.deserialize} does with one snapshot candidate, walked in its order over the
 * same streams without building a tree. It differs from zkstore's reader in two ways that decide whether ZooKeeper
 * starts. It stops reading after the first seal when the rest of the stream ends (an EOF in the digest or the last
 * zxid reads as an older layout), so it loads a {@code .gz} or {@code .snappy} snapshot cut after its first seal.
 * And its fallback to an older candidate catches only {@code IOException}: an ACL list count of -1
 * ({@code RuntimeException} "missing acls"), an ACL with a null scheme or id and a null node path (both
 * {@code NullPointerException}) stop the whole start-up, as does snappy-java's {@code SnappyError} (an {@code Error})
 * on a chunk length above its limit. So does, with {@code zookeeper.extendedTypesEnabled} (which TTL nodes need), an
 * ephemeralOwner whose top byte is 0xFF but whose feature bits are not TTL's: {@code EphemeralType.get} throws an
 * {@code IllegalArgumentException}, checked after the node's parent is found. And so does a digest section of
 * version below 2 whose hex digest {@code Long.parseLong} refuses ({@code NumberFormatException}).
 */
public final class ZooKeeperSnapshotLoad {
  /** How ZooKeeper ends its read of one snapshot. */
  public sealed interface Verdict permits Loads, FallsBack, Stops {}

  /** ZooKeeper loads it. */
  public record Loads() implements Verdict {}

  /** ZooKeeper's read throws an {@code IOException}, so it tries the next older candidate. */
  public record FallsBack(String error) implements Verdict {}

  /** ZooKeeper's read throws an unchecked exception, which its fallback does not catch: it does not start. */
  public record Stops(String error) implements Verdict {}

  private final CheckedInputStream checked;
  /** ZooKeeper's limit for one buffer or string (jute.maxbuffer plus its extra size). */
  private final int maxLength;
  /** ZooKeeper's zookeeper.extendedTypesEnabled: whether 0xFF.. owners must be TTL owners. */
  private final boolean extendedTypes;
  private final DataInputStream in;
  private final byte[] scratch = new byte[8192];
  /** Bytes read so far, of the uncompressed stream where the file is compressed. */
  private long position;
  /** Words an offset so that it names the stream it counts. */
  private final String offsetSuffix;

  private ZooKeeperSnapshotLoad(InputStream stream, boolean compressed, int maxLength, boolean extendedTypes) {
    this.maxLength = maxLength;
    this.extendedTypes = extendedTypes;
    this.checked = new CheckedInputStream(stream, new Adler32());
    this.in = new DataInputStream(checked);
    this.offsetSuffix = compressed ? zkstore.jute.FormatException.UNCOMPRESSED_STREAM : "";
  }

  /** Reads {@code file} as ZooKeeper's restore reads a candidate, with its default limits and TTL nodes enabled. */
  public static Verdict of(SnapshotFile file) {
    return of(file, JuteMaxBuffer.DEFAULT, true);
  }

  /**
   * Reads {@code file} as a ZooKeeper started with {@code limits} and, when {@code extendedTypes}, with
   * {@code zookeeper.extendedTypesEnabled=true} reads a candidate in its restore.
   */
  public static Verdict of(SnapshotFile file, JuteMaxBuffer limits, boolean extendedTypes) {
    try (InputStream stream = open(file)) {
      return new ZooKeeperSnapshotLoad(stream, file.compression() != SnapshotCompression.NONE, limits.limit(),
          extendedTypes).walk();
    } catch (IOException e) {
      return new FallsBack(e.toString());
    } catch (RuntimeException | Error e) {
      return new Stops(e.toString());
    }
  }

  /** The streams ZooKeeper's SnapStream opens for this name. */
  private static InputStream open(SnapshotFile file) throws IOException {
    FileInputStream raw = new FileInputStream(file.path().toFile());
    try {
      switch (file.compression()) {
        case GZIP:
          return new GZIPInputStream(raw);
        case SNAPPY:
          return new SnappyInputStream(raw);
        default:
          return new BufferedInputStream(raw);
      }
    } catch (IOException | RuntimeException | Error e) {
      raw.close();
      throw e;
    }
  }

  private Verdict walk() throws IOException {
    int magic = readInt();
    if (magic != SnapshotFormat.MAGIC) {
      return new FallsBack("mismatching magic headers " + magic + " !=  " + SnapshotFormat.MAGIC);
    }
    readInt();
    readLong();
    for (int sessions = readInt(); sessions > 0; sessions--) {
      readLong();
      readInt();
    }
    String stop = aclMap();
    if (stop == null) {
      stop = nodes();
    }
    if (stop != null) {
      return new Stops(stop);
    }
    checkSeal();
    boolean digest;
    try {
      digest = digestSection();
    } catch (NumberFormatException e) {
      return new Stops(e.toString() + ": the digest section's hex digest (version below 2) does not parse");
    }
    if (digest) {
      checkSeal();
    }
    if (readOptional(8)) {
      checkSeal();
    }
    return new Loads();
  }

  /** The unchecked exception the ACL map throws, or null. */
  private String aclMap() throws IOException {
    String nullId = null;
    for (int entries = readInt(); entries > 0; entries--) {
      long key = readLong();
      long countAt = position;
      int count = readInt();
      if (count == -1) {
        return "RuntimeException \"missing acls\": the ACL list of key " + key + " at offset " + countAt
            + offsetSuffix + " has a count of -1";
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
    // The map is hashed only once it is read whole, so a later IOException comes first.
    return nullId;
  }

  /** Reads the nodes up to the end marker; the unchecked exception a node throws, or null. */
  private String nodes() throws IOException {
    Set<String> paths = new HashSet<>();
    while (true) {
      long pathAt = position;
      String path = readString();
      if ("/".equals(path)) {
        return null;
      }
      skipBuffer();
      skip(SnapshotFormat.OWNER_IN_NODE_TAIL);
      long ownerAt = position;
      long owner = readLong();
      skip(SnapshotFormat.NODE_TAIL_BYTES - SnapshotFormat.OWNER_IN_NODE_TAIL - 8);
      if (path == null) {
        return "NullPointerException: the node at offset " + pathAt + offsetSuffix + " has a null path";
      }
      paths.add(path);
      int slash = path.lastIndexOf('/');
      if (slash == -1) {
        continue; // ZooKeeper takes it for the root and checks neither parent nor owner
      }
      if (!paths.contains(path.substring(0, slash))) {
        throw new IOException("Invalid Datatree, unable to find parent " + path.substring(0, slash) + " of path "
            + path);
      }
      if (extendedTypes && NodeKind.unknownExtendedType(owner)) {
        return "IllegalArgumentException \"Invalid ephemeralOwner. [" + Long.toHexString(owner) + "]\": the owner of "
            + path + " at offset " + ownerAt + offsetSuffix + " is neither a session nor a TTL";
      }
    }
  }

  /** ZooKeeper's checkSealIntegrity: the Adler32 of everything read so far, then the seal's "/" marker. */
  private void checkSeal() throws IOException {
    long expected = checked.getChecksum().getValue();
    long stored = readLong();
    readString();
    if (stored != expected) {
      throw new IOException("CRC corruption");
    }
  }

  /**
   * ZooKeeper's ZxidDigest: zxid, version, and the digest as a long, or below version 2 as a hex string it parses with
   * {@code Long.parseLong(s, 16)}, whose NumberFormatException escapes its fallback. False when the stream ends
   * inside it (ZooKeeper takes the section as absent).
   */
  private boolean digestSection() throws IOException {
    try {
      readLong();
      if (readInt() >= 2) {
        readLong();
      } else {
        String hex = readString();
        if (hex != null) {
          Long.parseLong(hex, 16);
        }
      }
      return true;
    } catch (EOFException e) {
      return false;
    }
  }

  /** Reads a section ZooKeeper takes as absent when the stream ends inside it; false when it did. */
  private boolean readOptional(int bytes) throws IOException {
    try {
      skip(bytes);
      return true;
    } catch (EOFException e) {
      return false;
    }
  }

  private String readString() throws IOException {
    byte[] b = readBuffer();
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  /**
   * A jute buffer, as ZooKeeper reads it. ZooKeeper allocates the length before reading; this reads the bytes that
   * are there, so a corrupt length in a compressed stream costs the heap only what the stream holds.
   */
  private byte[] readBuffer() throws IOException {
    int len = readLength();
    if (len == -1) {
      return null;
    }
    byte[] b = in.readNBytes(len);
    if (b.length < len) {
      throw new EOFException("a buffer of " + len + " bytes ends after " + b.length);
    }
    position += len;
    return b;
  }

  /** Reads past a jute buffer whose bytes nothing needs. */
  private void skipBuffer() throws IOException {
    int len = readLength();
    if (len > 0) {
      skip(len);
    }
  }

  private int readLength() throws IOException {
    int len = readInt();
    if (len != -1 && (len < 0 || len > maxLength)) {
      throw new IOException("Unreasonable length = " + len);
    }
    return len;
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
    for (int left = bytes; left > 0; ) {
      int n = Math.min(left, scratch.length);
      in.readFully(scratch, 0, n);
      left -= n;
    }
    position += bytes;
  }
}
