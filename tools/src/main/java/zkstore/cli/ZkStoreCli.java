package zkstore.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import zkstore.runtime.JvmFlags;

/** The {@code zkstore} command: one picocli tree for every offline tool. */
@Command(
    name = "zkstore",
    mixinStandardHelpOptions = true,
    version = "zkstore 0.1.0",
    description = "Dump, verify, recover and restore ZooKeeper data directories offline.")
public final class ZkStoreCli implements Callable<Integer> {

  public static void main(String[] args) {
    JvmFlags.applySystemProperties();
    System.exit(newCommandLine().execute(args));
  }

  static CommandLine newCommandLine() {
    return new CommandLine(new ZkStoreCli());
  }

  @Override
  public Integer call() {
    newCommandLine().usage(System.out);
    return 0;
  }
}
