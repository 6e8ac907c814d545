package zkstore.cli.command;

import picocli.CommandLine.Command;

/** {@code zkstore purge}. */
@Command(name = "purge", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class PurgeCommand extends CliCommand {
  @Override
  public Integer call() {
    problem("not available yet");
    return zkstore.cli.ExitCode.UNUSABLE;
  }
}
