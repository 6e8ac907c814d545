package zkstore.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import zkstore.snapshot.SnapshotFile;
import zkstore.snapshot.SnapshotFiles;
import zkstore.snapshot.SnapshotReadOptions;
import zkstore.snapshot.SnapshotReader;
import zkstore.snapshot.TreeSnapshots;
import zkstore.tree.TreeOptions;

/** The snapshots of a {@code version-2} directory, loaded into trees through {@link TreeSnapshots}. */
final class SnapshotDir implements SnapshotStore<TreeHandle> {
  private final Path dir;
  private final TreeOptions treeOptions;
  private final SnapshotReader reader;

  SnapshotDir(Path dir, TreeOptions treeOptions, SnapshotReadOptions readOptions) {
    this.dir = dir;
    this.treeOptions = treeOptions;
    this.reader = new SnapshotReader(readOptions);
  }

  @Override
  public List<SnapshotFile> newestFirst() throws IOException {
    return SnapshotFiles.listNewestFirst(dir);
  }

  @Override
  public String precheckFailure(SnapshotFile file) throws IOException {
    if (SnapshotFiles.passesPrecheck(file)) {
      return null;
    }
    long size = Files.exists(file.path()) ? Files.size(file.path()) : -1;
    String rule = switch (file.compression()) {
      case GZIP -> "a .gz file must start with 1F 8B";
      case SNAPPY -> "a .snappy file must start with snappy-java's magic";
      default -> "a plain file must be at least 10 bytes and end with 00 00 00 01 2F";
    };
    return "fails ZooKeeper's validity pre-check (" + rule + "; the file has " + size + " bytes)";
  }

  @Override
  public Loaded<TreeHandle> load(SnapshotFile file) throws IOException {
    TreeSnapshots.Loaded loaded = TreeSnapshots.load(file.path(), reader, treeOptions);
    return new Loaded<>(file, new TreeHandle(loaded.tree()), loaded.result().digest());
  }
}
