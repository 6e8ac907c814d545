package zkstore.cli.command;

import picocli.CommandLine.Command;

/** {@code zkstore recover}. */
@Command(name = "recover", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class RecoverCommand extends CliCommand {
  @Override
  public Integer call() {
    problem("not available yet");
    return zkstore.cli.ExitCode.UNUSABLE;
  }
}
