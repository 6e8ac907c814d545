package zkstore.cli.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DateFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import zkstore.cli.ExitCode;
import zkstore.cli.UnusableInputException;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.cli.datadir.DataDirOptions;
import zkstore.cli.source.JuteLimitOptions;
import zkstore.snapshot.PurgePlan;
import zkstore.snapshot.PurgePolicy;
import zkstore.engine.StorePurge;
import zkstore.cli.restore.OfflineRestore;

/** {@code zkstore purge --keep N}: keep the newest N snapshots and exactly the logs they need (PurgeTxnLog's rules). */
@Command(name = "purge", mixinStandardHelpOptions = true,
    header = "Delete old snapshots and logs, keeping the newest N.",
    description = "Delete old snapshots and logs: keep the newest N valid snapshots and the logs needed to restore "
        + "from the oldest of them (ZooKeeper's PurgeTxnLog rules). A snapshot counts as valid only when it fully "
        + "verifies (ZooKeeper's cheap pre-check with --precheck-only). Prints 'Removing file:' lines like "
        + "PurgeTxnLog.")
public final class PurgeCommand extends CliCommand {
  @Mixin
  JuteLimitOptions juteLimits;

  @Mixin
  DataDirOptions target;

  @Option(names = {"-n", "--keep"}, required = true, paramLabel = "N", description = "Snapshots to keep (at least 1).")
  int keep;

  @Option(names = "--dry-run", description = "Only print what would be removed.")
  boolean dryRun;

  @Option(names = "--precheck-only", description = "Judge snapshots by ZooKeeper's cheap pre-check instead of a full read.")
  boolean precheckOnly;

  @Override
  public Integer call() throws IOException {
    if (keep < 1) {
      throw new UnusableInputException("--keep " + keep + ": keep at least 1 snapshot");
    }
    DataDirLayout layout = target.layout();
    PurgePlan plan = precheckOnly
        ? PurgePolicy.keepNewest(keep).plan(layout.snapDir(), layout.logDir())
        : StorePurge.plan(OfflineRestore.config(layout, juteLimits.limits()), keep);
    if (plan.keptSnapshots().isEmpty()) {
      problem(target.describe() + ": no valid snapshot, nothing purged");
      return ExitCode.PROBLEMS;
    }
    DateFormat date = DateFormat.getDateTimeInstance();
    for (Path p : plan.deletions()) {
      File f = p.toFile();
      out().println(String.format("%s: %s\t%s", dryRun ? "Would remove file" : "Removing file",
          date.format(f.lastModified()), f.getPath()));
      if (!dryRun) {
        Files.delete(p);
      }
    }
    out().println("kept " + plan.keptSnapshots().size() + " snapshot(s) from zxid 0x" + Long.toHexString(plan.oldestKeptZxid())
        + " and " + plan.retainedLogs().size() + " log file(s)" + (dryRun ? " (dry run, nothing removed)" : ""));
    return ExitCode.OK;
  }
}
