package zkstore.cli.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.util.TreeMap;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.cli.source.NodeView;
import zkstore.jute.JuteMaxBuffer;
import zkstore.snapshot.SnapshotReader;
import zkstore.snapshot.SnapshotWriteResult;
import zkstore.snapshot.SnapshotWriter;
import zkstore.snapshot.TreeSnapshots;
import zkstore.tree.TreeOptions;

/**
 * Writes imported nodes as one snapshot: first raw through the snapshot writer, then loaded into a zkstore tree
 * and written again, so the file carries the tree's real digest.
 */
public final class ImportWriter {
  private ImportWriter() {}

  /** Writes the snapshot into {@code out}, read back with the field limit of {@code limits}. */
  public static SnapshotWriteResult write(DataDirLayout out, TreeMap<String, NodeView> nodes, int sessionTimeoutMs,
      JuteMaxBuffer limits) throws IOException {
    var staging = Files.createTempDirectory(out.snapDir(), "import-");
    try {
      SnapshotWriteResult raw = new SnapshotWriter().write(staging, new ImportSource(nodes, sessionTimeoutMs));
      TreeSnapshots.Loaded loaded = TreeSnapshots.load(raw.file().path(),
          SnapshotReader.withLimits(limits), TreeOptions.DEFAULT);
      return TreeSnapshots.write(out.snapDir(), loaded.tree(), new SnapshotWriter());
    } finally {
      try (var s = Files.list(staging)) {
        for (var p : s.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(staging);
    }
  }
}
