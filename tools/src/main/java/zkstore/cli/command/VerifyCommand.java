package zkstore.cli.command;

import picocli.CommandLine.Command;

/** {@code zkstore verify}. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class VerifyCommand extends CliCommand {
  @Override
  public Integer call() {
    problem("not available yet");
    return zkstore.cli.ExitCode.UNUSABLE;
  }
}
