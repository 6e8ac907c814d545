package zkstore.cli.command;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import zkstore.cli.ExitCode;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.cli.datadir.DataDirOptions;
import zkstore.cli.format.Hex;
import zkstore.cli.restore.OfflineRestore;
import zkstore.cli.restore.OutputDir;
import zkstore.cli.restore.Restored;

/** {@code zkstore restore --to-zxid Z --out NEWDIR}: point-in-time restore into a new data directory. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Write a new data dir whose state is exactly as of zxid Z: every txn up to Z, none after.",
        "DATADIR is only read. The new dir holds one snapshot (snapshot.<Z>) that ZooKeeper loads."})
public final class RestoreCommand extends CliCommand {
  @Mixin
  DataDirOptions source;

  @Option(names = "--to-zxid", required = true, paramLabel = "Z", description = "Target zxid (0x.. or decimal).")
  String toZxid;

  @Option(names = "--out", required = true, paramLabel = "NEWDIR", description = "New data dir (must not exist or be empty).")
  Path out;

  @Override
  public Integer call() throws IOException {
    long target = Hex.parse(toZxid);
    DataDirLayout from = source.layout();
    Restored restored = OfflineRestore.restore(from, target);
    if (restored.zxid() != target) {
      problem("zxid " + Hex.of(target) + " is not in the data dir; the newest state at or before it is "
          + Hex.of(restored.zxid()) + "; nothing written");
      return ExitCode.PROBLEMS;
    }
    DataDirLayout to = OutputDir.create(out);
    var written = OutputDir.writeSnapshot(to, restored.tree());
    String epochs = OutputDir.copyEpochs(from, to, restored.zxid());
    for (String line : restored.describe()) {
      out().println(line);
    }
    out().println("wrote " + written.file().path() + " (" + written.nodes() + " nodes, state as of " + Hex.of(restored.zxid()) + ")");
    if (epochs != null) {
      out().println(epochs);
    }
    return ExitCode.OK;
  }
}
