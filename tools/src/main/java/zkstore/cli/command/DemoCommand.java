package zkstore.cli.command;

import picocli.CommandLine.Command;

/** {@code zkstore demo}. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class DemoCommand extends CliCommand {
  @Override
  public Integer call() {
    problem("not available yet");
    return zkstore.cli.ExitCode.UNUSABLE;
  }
}
