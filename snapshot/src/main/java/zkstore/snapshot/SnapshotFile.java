package zkstore.snapshot;

import java.nio.file.Path;

/** A snapshot file in a directory: its path and what its name says (zxid, codec). */
public record SnapshotFile(Path path, SnapshotFileName name) {

  /** The zxid in the file name; on load it becomes the tree's lastProcessedZxid. */
  public long zxid() {
    return name.zxid();
  }

  /** The codec the name selects. */
  public SnapshotCompression compression() {
    return name.compression();
  }

  /** Builds the entry for {@code path}, or throws if ZooKeeper would not take its name for a snapshot. */
  public static SnapshotFile of(Path path) {
    String fileName = path.getFileName().toString();
    return new SnapshotFile(path, SnapshotFileName.parse(fileName)
        .orElseThrow(() -> new IllegalArgumentException("not a snapshot file name: " + fileName)));
  }
}
