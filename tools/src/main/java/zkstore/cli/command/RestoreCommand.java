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
import zkstore.cli.source.JuteLimitOptions;
import zkstore.engine.RestoreReport;
import zkstore.engine.StoreRestore;

/** {@code zkstore restore --to-zxid Z --out NEWDIR}: point-in-time restore into a new data directory. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    header = "Write a new data dir as of zxid Z.",
    description = "Write a new data dir whose state is exactly as of zxid Z: every txn up to Z, none after. "
        + "DATADIR is only read. The new dir holds snapshot.<Z>, the log of the txns replayed to reach it and the "
        + "epoch files; ZooKeeper and zkstore both load it. Exit 1 when Z cannot be reproduced exactly.")
public final class RestoreCommand extends CliCommand {
  @Mixin
  JuteLimitOptions juteLimits;

  @Mixin
  DataDirOptions source;

  @Option(names = "--to-zxid", required = true, paramLabel = "Z", converter = HexOrDecimal.class,
      description = "Target zxid (0x.. or decimal).")
  long target;

  @Option(names = "--out", required = true, paramLabel = "NEWDIR", description = "New data dir (must not exist or be empty).")
  Path out;

  @Override
  public Integer call() throws IOException {
    DataDirLayout from = source.layout();
    var config = OfflineRestore.config(from, juteLimits.limits());
    StoreRestore.asOf(config, target);
    DataDirLayout to = OutputDir.create(out);
    Path outDataDir = to.snapDir().getParent();
    RestoreReport report = StoreRestore.writeAsOf(config, target, outDataDir, outDataDir);
    for (String line : report.describe().split("\n")) {
      out().println(line);
    }
    out().println("wrote " + to.snapDir() + " (state as of " + Hex.of(report.finalZxid()) + ")");
    return ExitCode.OK;
  }
}
