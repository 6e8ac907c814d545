package zkstore.cli.command;

import picocli.CommandLine.Command;

/** {@code zkstore export}. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class ExportCommand extends CliCommand {
  @Override
  public Integer call() {
    problem("not available yet");
    return zkstore.cli.ExitCode.UNUSABLE;
  }
}
