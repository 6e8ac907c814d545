package zkstore.cli.command;

import picocli.CommandLine.Command;

/** {@code zkstore log}: commands on transaction logs. */
@Command(name = "log", description = "Transaction log tools.", mixinStandardHelpOptions = true,
    subcommands = LogDumpCommand.class)
public final class LogCommand extends CliCommand {
  @Override
  public Integer call() {
    spec.commandLine().usage(out());
    return zkstore.cli.ExitCode.UNUSABLE;
  }
}
