package zkstore.cli.command;

import picocli.CommandLine.Command;

/** {@code zkstore diff}. */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class DiffCommand extends CliCommand {
  @Override
  public Integer call() {
    problem("not available yet");
    return zkstore.cli.ExitCode.UNUSABLE;
  }
}
