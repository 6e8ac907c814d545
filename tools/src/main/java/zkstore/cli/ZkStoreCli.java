package zkstore.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import zkstore.cli.command.ChopCommand;
import zkstore.cli.command.DemoCommand;
import zkstore.cli.command.DiffCommand;
import zkstore.cli.command.ExportCommand;
import zkstore.cli.command.ImportCommand;
import zkstore.cli.command.LogCommand;
import zkstore.cli.command.PurgeCommand;
import zkstore.cli.command.RecoverCommand;
import zkstore.cli.command.RestoreCommand;
import zkstore.cli.command.SnapshotCommand;
import zkstore.cli.command.VerifyCommand;
import zkstore.cli.source.JuteLimitOptions;
import zkstore.jute.FormatException;
import zkstore.runtime.JvmFlags;

/** The {@code zkstore} command: one picocli tree for every offline tool. */
@Command(
    name = "zkstore",
    mixinStandardHelpOptions = true,
    version = "zkstore 0.1.0",
    description = "Dump, verify, recover and restore ZooKeeper data directories offline.%n"
        + "Exit codes: 0 ok, 1 problems found, 2 unusable input or usage error.",
    subcommands = {
      DemoCommand.class,
      LogCommand.class,
      SnapshotCommand.class,
      VerifyCommand.class,
      RecoverCommand.class,
      RestoreCommand.class,
      ChopCommand.class,
      DiffCommand.class,
      PurgeCommand.class,
      ExportCommand.class,
      ImportCommand.class,
    })
public final class ZkStoreCli implements Callable<Integer> {

  public static void main(String[] args) {
    JvmFlags.applySystemProperties();
    quietLibraryLogging();
    PrintWriter out = new PrintWriter(new BufferedWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** The CLI reports to its user itself; libraries logging through java.util.logging only speak up on severe errors. */
  private static void quietLibraryLogging() {
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.setLevel(java.util.logging.Level.SEVERE);
    for (java.util.logging.Handler h : root.getHandlers()) {
      h.setLevel(java.util.logging.Level.SEVERE);
    }
  }

  /** Runs one command line with the given streams and returns its exit code (used by tests in-process). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = newCommandLine();
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new ZkStoreCli());
    cl.setExecutionExceptionHandler(ZkStoreCli::handle);
    cl.setParameterExceptionHandler(ZkStoreCli::usageError);
    return cl;
  }

  /** A wrong argument: what is wrong and where the options are, without the whole usage text. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    String cmd = cl.getCommandSpec().qualifiedName();
    err.println(cmd + ": " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    CommandLine.Help help = cl.getHelp();
    err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
    err.println("Run '" + cmd + " --help' for more.");
    return ExitCode.UNUSABLE;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    cl.getOut().flush();
    String cmd = cl.getCommandSpec().qualifiedName();
    int code = report(e, err, cmd);
    JuteLimitOptions.printHint(err, cmd, String.valueOf(e.getMessage()));
    return code;
  }

  /** Prints {@code e} as one line and returns the exit code it means. */
  private static int report(Exception e, PrintWriter err, String cmd) {
    if (e instanceof UnusableInputException) {
      err.println(cmd + ": " + e.getMessage());
      return ExitCode.UNUSABLE;
    }
    if (e instanceof FormatException f) {
      err.println(cmd + ": " + Problems.describe(f));
      return ExitCode.UNUSABLE;
    }
    if (e instanceof zkstore.cli.restore.RestoreRefusedException || e instanceof zkstore.engine.RestoreRefusedException) {
      err.println(cmd + ": cannot restore: " + e.getMessage());
      return ExitCode.PROBLEMS;
    }
    if (e instanceof NoSuchFileException n) {
      err.println(cmd + ": " + n.getFile() + ": no such file or directory");
      return ExitCode.UNUSABLE;
    }
    if (e instanceof IOException || e instanceof java.io.UncheckedIOException) {
      err.println(cmd + ": " + e.getMessage());
      return ExitCode.UNUSABLE;
    }
    err.println(cmd + ": internal error: " + e);
    if (System.getenv("ZKSTORE_DEBUG") != null) {
      e.printStackTrace(err);
    }
    return ExitCode.UNUSABLE;
  }

  @Override
  public Integer call() {
    newCommandLine().usage(System.out);
    return ExitCode.OK;
  }
}
