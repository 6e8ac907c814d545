package zkstore.cli.command;

import picocli.CommandLine.Command;

/** {@code zkstore restore}. */
@Command(name = "restore", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class RestoreCommand extends CliCommand {
  @Override
  public Integer call() {
    problem("not available yet");
    return zkstore.cli.ExitCode.UNUSABLE;
  }
}
