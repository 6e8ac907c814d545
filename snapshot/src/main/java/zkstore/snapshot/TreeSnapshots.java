package zkstore.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import zkstore.jute.FormatException;
import zkstore.tree.DataTree;
import zkstore.tree.TreeOptions;

/** Snapshot files to and from zkstore's {@link DataTree}: the entry points the engine and the tools use. */
public final class TreeSnapshots {
  /**
   * A tree loaded from a verified snapshot, what the read found, and how many nodes had an ACL key missing from
   * the map (see {@link TreeSnapshotSink}): left out, or loaded with key -1; both are repaired by replay.
   */
  public record Loaded(DataTree tree, SnapshotReadResult result, long nodesLeftOut, long aclPlaceholders) {}

  private TreeSnapshots() {}

  /**
   * Reads and verifies {@code file} into a new tree whose lastProcessedZxid is the name zxid (or the
   * lastProcessedZxid section when the name has none).
   */
  public static Loaded load(Path file, SnapshotReader reader, TreeOptions options) throws IOException {
    long nameZxid = SnapshotFileName.parse(file.getFileName().toString()).map(SnapshotFileName::zxid).orElse(-1L);
    TreeSnapshotSink sink = new TreeSnapshotSink(options, nameZxid >= 0 ? nameZxid : Long.MAX_VALUE);
    SnapshotReadResult result = reader.read(file, sink);
    long zxid = result.nameZxid() >= 0 ? result.nameZxid() : result.lastProcessedZxid().orElse(0);
    DataTree tree;
    try {
      tree = sink.finish(zxid);
    } catch (FormatException e) {
      FormatException named = e.withFile(file.toString());
      throw SnapshotCompression.ofFileName(file.getFileName().toString()) == SnapshotCompression.NONE
          ? named : named.withOffsetInUncompressedStream();
    }
    return new Loaded(tree, result, sink.nodesLeftOut(), sink.aclPlaceholders());
  }

  /** Loads with the default reader and tree options. */
  public static Loaded load(Path file) throws IOException {
    return load(file, new SnapshotReader(), TreeOptions.DEFAULT);
  }

  /** Writes a (possibly live) tree as {@code snapshot.<lastProcessedZxid>} into a {@code version-2} directory. */
  public static SnapshotWriteResult write(Path dir, DataTree tree, SnapshotWriter writer) throws IOException {
    return writer.write(dir, new TreeSnapshotSource(tree));
  }
}
