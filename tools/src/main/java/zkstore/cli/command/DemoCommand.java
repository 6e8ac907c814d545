package zkstore.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import zkstore.cli.ExitCode;
import zkstore.cli.UnusableInputException;
import zkstore.cli.ZkStoreCli;
import zkstore.cli.demo.DemoDataDir;
import zkstore.cli.format.Hex;

/** {@code zkstore demo}: builds a realistic data dir, then verifies, dumps and restores it point-in-time. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    header = "Build a realistic data dir and run the tools on it.",
    description = "No data dir at hand? Build a realistic ZooKeeper 3.9 data dir (sessions, every node type, "
        + "several snapshots and log files) in a temp dir, then run verify, log dump, a point-in-time restore "
        + "and a diff on it, printing each command as you would type it.")
public final class DemoCommand extends CliCommand {
  @Option(names = "--dir", paramLabel = "DIR", description = "Build here instead of a new temp dir (must not exist or be empty).")
  Path dir;

  @Override
  public Integer call() throws IOException {
    Path base = dir != null ? dir : Files.createTempDirectory("zkstore-demo-");
    if (dir != null && Files.exists(dir)) {
      try (var s = Files.list(dir)) {
        if (s.findAny().isPresent()) {
          throw new UnusableInputException(dir + ": exists and is not empty; give a new directory");
        }
      }
    }
    Path data = base.resolve("data");
    PrintWriter out = out();
    out.println("zkstore demo: building a ZooKeeper 3.9 data directory in " + data);
    DemoDataDir.Built built = DemoDataDir.build(data);
    out.println("  3 sessions; persistent, ephemeral, sequential, container and TTL nodes; ACLs; multis; errors");
    out.println("  " + built.snapshots() + " snapshots, " + built.logs() + " log files, last zxid " + Hex.of(built.lastZxid()));
    String mid = Hex.of(built.middleZxid());
    Path restored = base.resolve("restored-at-" + mid);
    step("verify", data.toString());
    step("log", "dump", data.toString(), "--from-zxid", "0x1", "--to-zxid", "0x8");
    step("log", "dump", "--json", data.toString(), "--path", "/app/config");
    step("log", "dump", "--stats", data.toString());
    step("snapshot", "dump", data.resolve("version-2").resolve("snapshot." + Long.toHexString(built.lastZxid() > 0 ? firstSnapshotAfterZero(data) : 0)).toString(), "--summary", "/", "--depth", "1");
    step("restore", data.toString(), "--to-zxid", mid, "--out", restored.toString());
    step("diff", restored.toString(), data.toString());
    step("verify", restored.toString());
    out.println();
    out.println("Everything above ran on " + data + " (kept for you). Try:");
    out.println("  ./zkstore export --json " + data + " | head");
    out.println("  ./zkstore log dump " + data + " --session 0x1000000a1b20002");
    out.println("  ./zkstore recover " + data + " --out " + base.resolve("recovered"));
    return ExitCode.OK;
  }

  private static long firstSnapshotAfterZero(Path data) throws IOException {
    try (var s = Files.list(data.resolve("version-2"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("snapshot."))
          .mapToLong(n -> Long.parseLong(n.substring(9), 16)).filter(z -> z > 0).min().orElse(0);
    }
  }

  private void step(String... args) {
    PrintWriter out = out();
    out.println();
    out.println("$ zkstore " + String.join(" ", args));
    out.flush();
    int code = ZkStoreCli.run(out, err(), args);
    out.println("(exit " + code + ")");
  }
}
