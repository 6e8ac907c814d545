package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** What an operator reads first: the command list and each command's --help. */
class HelpTest {
  private static final int WIDTH = 80;

  /** Every command and subcommand as the words typed before --help, the top level first. */
  static Stream<String> commands() {
    List<String> out = new ArrayList<>();
    collect(ZkStoreCli.newCommandLine(), "", out);
    return out.stream();
  }

  private static void collect(CommandLine cl, String prefix, List<String> out) {
    out.add(prefix);
    for (var e : cl.getSubcommands().entrySet()) {
      collect(e.getValue(), (prefix + " " + e.getKey()).trim(), out);
    }
  }

  @Test
  void everyCommandIsListedWithAOneLineSummary() {
    for (String parent : List.of("", "log", "snapshot")) {
      Cli.Result r = Cli.run(args(parent, "--help"));
      assertEquals(0, r.code(), r.toString());
      String commands = r.out().substring(r.out().indexOf("Commands:") + "Commands:".length()).strip();
      for (String line : commands.split("\n")) {
        assertTrue(line.strip().matches("\\S+ {2,}\\S.*\\."),
            "a command listed without a whole one-line summary in `zkstore " + parent + " --help`: '" + line + "'");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("commands")
  void helpFitsTheTerminalAndStartsWithTheSummary(String command) {
    Cli.Result r = Cli.run(args(command, "--help"));
    assertEquals(0, r.code(), r.toString());
    String[] lines = r.out().split("\n");
    for (String line : lines) {
      assertTrue(line.length() <= WIDTH, "`zkstore " + command + " --help` has a line of " + line.length()
          + " columns: " + line);
    }
    if (!command.isEmpty() && !command.equals("log") && !command.equals("snapshot")) {
      assertTrue(lines[0].endsWith(".") && !lines[0].startsWith("Usage:"),
          "`zkstore " + command + " --help` should open with its one-line summary, not: " + lines[0]);
    }
  }

  private static String[] args(String command, String last) {
    List<String> a = new ArrayList<>(command.isEmpty() ? List.of() : Arrays.asList(command.split(" ")));
    a.add(last);
    return a.toArray(String[]::new);
  }
}
