package zkstore.cli.command;

import picocli.CommandLine.Command;

/** {@code zkstore chop}. */
@Command(name = "chop", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class ChopCommand extends CliCommand {
  @Override
  public Integer call() {
    problem("not available yet");
    return zkstore.cli.ExitCode.UNUSABLE;
  }
}
