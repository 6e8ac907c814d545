package zkstore.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import zkstore.cli.source.JuteLimitOptions;

/** What every zkstore command shares: its output and error streams. */
abstract class CliCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** One problem line on stderr, prefixed with the command name. */
  void problem(String line) {
    out().flush();
    err().println(spec.qualifiedName() + ": " + line);
    JuteLimitOptions.printHint(err(), spec.qualifiedName(), line);
  }
}
