package zkstore.cli.command;

import picocli.CommandLine.Command;

/** {@code zkstore import}. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class ImportCommand extends CliCommand {
  @Override
  public Integer call() {
    problem("not available yet");
    return zkstore.cli.ExitCode.UNUSABLE;
  }
}
