package zkstore.cli.command;

import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import zkstore.cli.ExitCode;
import zkstore.cli.datadir.DataDirOptions;
import zkstore.cli.format.JsonLines;
import zkstore.cli.format.NodeJson;
import zkstore.cli.format.NodeText;
import zkstore.cli.restore.OfflineRestore;
import zkstore.cli.restore.Restored;
import zkstore.cli.source.JuteLimitOptions;
import zkstore.cli.source.NodeView;
import zkstore.cli.source.TreeImage;
import zkstore.cli.source.TreeImages;

/** {@code zkstore export}: restore a data dir (read-only) and print its whole tree, sorted by path. */
@Command(name = "export", mixinStandardHelpOptions = true,
    header = "Print every znode of a data dir (text or JSON).",
    description = "Restore DATADIR read-only (newest valid snapshot + logs, torn tail dropped) and print every znode, "
        + "sorted by path. --json writes the import format: one object per znode.")
public final class ExportCommand extends CliCommand {
  @Mixin
  JuteLimitOptions juteLimits;

  @Mixin
  DataDirOptions target;

  @Option(names = "--json", description = "JSON Lines: one object per znode (the format import reads).")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Restored restored = OfflineRestore.restore(target.layout(), juteLimits.limits());
    TreeImage image = TreeImages.of(restored.tree(), restored.zxid());
    if (json) {
      try (JsonLines lines = new JsonLines(out())) {
        for (NodeView n : image.nodes().values()) {
          lines.line(g -> NodeJson.write(g, n));
        }
      }
    } else {
      for (NodeView n : image.nodes().values()) {
        out().println(NodeText.line(n));
      }
    }
    out().flush();
    for (String line : restored.describe()) {
      err().println("export: " + line);
    }
    return ExitCode.OK;
  }
}
