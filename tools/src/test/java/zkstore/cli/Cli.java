package zkstore.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs zkstore in-process and captures exit code, stdout and stderr. */
public final class Cli {
  private Cli() {}

  public record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ZkStoreCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
