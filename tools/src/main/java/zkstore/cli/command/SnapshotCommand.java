package zkstore.cli.command;

import picocli.CommandLine.Command;

/** {@code zkstore snapshot}: commands on snapshot files. */
@Command(name = "snapshot", description = "Snapshot tools.", mixinStandardHelpOptions = true,
    subcommands = SnapshotDumpCommand.class)
public final class SnapshotCommand extends CliCommand {
  @Override
  public Integer call() {
    spec.commandLine().usage(out());
    return zkstore.cli.ExitCode.UNUSABLE;
  }
}
