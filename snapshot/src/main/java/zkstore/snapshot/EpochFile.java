package zkstore.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;
import zkstore.jute.FormatException;

/**
 * The quorum epoch files {@code acceptedEpoch} and {@code currentEpoch} in {@code <dataDir>/version-2}: the
 * epoch in ASCII decimal with no newline, replaced through {@code <name>.tmp} as ZooKeeper does (ZooKeeper's
 * startup adopts a leftover {@code currentEpoch.tmp}, so the temporary name is kept), plus the forces
 * ZooKeeper leaves out.
 */
public final class EpochFile {
  /** The epoch this server has accepted from a leader proposal. */
  public static final String ACCEPTED_EPOCH = "acceptedEpoch";
  /** The epoch this server has acknowledged as current. */
  public static final String CURRENT_EPOCH = "currentEpoch";

  /** Longer contents are not an epoch: a long in decimal with sign and a line end fits in 22 bytes. */
  private static final int MAX_BYTES = 64;

  private final Path path;
  private final FileDurability durability;

  private EpochFile(Path path, FileDurability durability) {
    this.path = path;
    this.durability = durability;
  }

  /** The {@code acceptedEpoch} file of a {@code version-2} directory. */
  public static EpochFile accepted(Path version2Dir) {
    return new EpochFile(version2Dir.resolve(ACCEPTED_EPOCH), FileDurability.SYSTEM);
  }

  /** The {@code currentEpoch} file of a {@code version-2} directory. */
  public static EpochFile current(Path version2Dir) {
    return new EpochFile(version2Dir.resolve(CURRENT_EPOCH), FileDurability.SYSTEM);
  }

  static EpochFile at(Path path, FileDurability durability) {
    return new EpochFile(path, durability);
  }

  /** The file's path. */
  public Path path() {
    return path;
  }

  /** The temporary this file is written through, {@code <name>.tmp}. */
  public Path temporaryPath() {
    return path.resolveSibling(path.getFileName() + ".tmp");
  }

  /** The epoch stored, or empty if the file does not exist. */
  public OptionalLong read() throws IOException {
    return readFile(path);
  }

  /** The value of a leftover {@code <name>.tmp}, or empty if there is none (ZooKeeper adopts it in one recovery case). */
  public OptionalLong readTemporary() throws IOException {
    return readFile(temporaryPath());
  }

  /** Replaces the file with {@code epoch}: write the temporary, force, rename, force the directory. */
  public void write(long epoch) throws IOException {
    AtomicFiles.replace(path, temporaryPath(), Long.toString(epoch).getBytes(StandardCharsets.US_ASCII), durability);
  }

  /**
   * Parses an epoch file's content as ZooKeeper does: the first line (a trailing line end is tolerated) as a
   * signed decimal long; anything else is a {@link FormatException} naming the file and the content.
   */
  public static long parse(byte[] content, String file) throws FormatException {
    String text = new String(content, StandardCharsets.ISO_8859_1);
    int eol = firstLineEnd(text);
    String line = text.substring(0, eol);
    try {
      if (line.isEmpty()) {
        throw new NumberFormatException();
      }
      return Long.parseLong(line);
    } catch (NumberFormatException e) {
      throw new FormatException("epoch file holds " + quote(content) + ", expected a decimal long",
          file, 0, null, content.length == 0, null);
    }
  }

  private static OptionalLong readFile(Path p) throws IOException {
    byte[] content;
    try {
      if (Files.size(p) > MAX_BYTES) {
        throw new FormatException("epoch file is " + Files.size(p) + " bytes, expected at most " + MAX_BYTES,
            p.toString(), MAX_BYTES, null, false, null);
      }
      content = Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(parse(content, p.toString()));
  }

  private static int firstLineEnd(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return text.length();
  }

  private static String quote(byte[] content) {
    StringBuilder sb = new StringBuilder("\"");
    for (byte b : content) {
      int c = b & 0xff;
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        sb.append((char) c);
      } else {
        sb.append(String.format("\\x%02x", c));
      }
    }
    return sb.append('"').toString();
  }
}
