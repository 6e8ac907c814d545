package zkstore.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import zkstore.jute.FormatException;
import zkstore.record.Acl;
import zkstore.snapshot.SnapshotDigest;
import zkstore.snapshot.SnapshotFile;
import zkstore.snapshot.SnapshotFiles;
import zkstore.snapshot.SnapshotNode;
import zkstore.snapshot.SnapshotReadResult;
import zkstore.snapshot.SnapshotReader;
import zkstore.snapshot.SnapshotSink;
import zkstore.tree.DataTree;
import zkstore.tree.TreeLoader;
import zkstore.tree.TreeOptions;

/** The snapshots of a {@code version-2} directory, loaded into {@link DataTree}s with the tree's loader. */
final class SnapshotDir implements SnapshotStore<TreeHandle> {
  private final Path dir;
  private final TreeOptions treeOptions;
  private final SnapshotReader reader = new SnapshotReader();

  SnapshotDir(Path dir, TreeOptions treeOptions) {
    this.dir = dir;
    this.treeOptions = treeOptions;
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
    TreeLoader loader = new TreeLoader(treeOptions);
    SnapshotReadResult result = reader.read(file, new SnapshotSink() {
      @Override
      public void session(long id, int timeoutMs) {
        loader.addSession(id, timeoutMs);
      }

      @Override
      public void aclEntry(long key, List<Acl> acls) {
        loader.addAcl(key, acls == null ? List.of() : acls);
      }

      @Override
      public void node(SnapshotNode node) throws FormatException {
        loader.addNode(node.path(), node.data(), node.aclKey(), node.stat());
      }
    });
    DataTree tree = loader.finish(file.zxid());
    SnapshotDigest digest = result.digest();
    return new Loaded<>(file, new TreeHandle(tree), digest);
  }
}
