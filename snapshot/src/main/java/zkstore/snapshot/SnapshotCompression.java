package zkstore.snapshot;

import java.util.Locale;

/** How a snapshot file's logical stream is stored; ZooKeeper picks it from the last dot-component of the name. */
public enum SnapshotCompression {
  /** Uncompressed; the file is the logical stream. */
  NONE(""),
  /** java.util.zip GZIP, extension {@code .gz}. */
  GZIP("gz"),
  /** snappy-java {@code SnappyOutputStream} framing, extension {@code .snappy}. */
  SNAPPY("snappy");

  private final String extension;

  SnapshotCompression(String extension) {
    this.extension = extension;
  }

  /** The extension without its dot, empty for {@link #NONE}. */
  public String extension() {
    return extension;
  }

  /** The suffix appended to {@code snapshot.<zxid>}: {@code ".gz"}, {@code ".snappy"} or empty. */
  public String suffix() {
    return extension.isEmpty() ? "" : "." + extension;
  }

  /** The codec ZooKeeper's reader uses for a file of this name: the last dot-component, case-insensitive. */
  public static SnapshotCompression ofFileName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String last = dot < 0 ? fileName : fileName.substring(dot + 1);
    return ofMethod(last);
  }

  /** Maps a {@code zookeeper.snapshot.compression.method} value: gz, snappy, anything else is none. */
  public static SnapshotCompression ofMethod(String method) {
    if (method == null) {
      return NONE;
    }
    switch (method.toLowerCase(Locale.ROOT)) {
      case "gz":
        return GZIP;
      case "snappy":
        return SNAPPY;
      default:
        return NONE;
    }
  }
}
