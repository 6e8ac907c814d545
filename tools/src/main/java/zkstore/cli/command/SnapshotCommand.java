package zkstore.cli.command;

import picocli.CommandLine.Command;

/** {@code zkstore snapshot}. */
@Command(name = "snapshot", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class SnapshotCommand extends CliCommand {
  @Override
  public Integer call() {
    problem("not available yet");
    return zkstore.cli.ExitCode.UNUSABLE;
  }
}
