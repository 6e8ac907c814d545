package zkstore.cli.command;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import zkstore.cli.ExitCode;
import zkstore.cli.UnusableInputException;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.cli.format.Hex;
import zkstore.cli.imports.ExportReader;
import zkstore.cli.imports.ImportWriter;
import zkstore.cli.restore.OutputDir;
import zkstore.cli.source.InputFiles;
import zkstore.cli.source.JuteLimitOptions;
import zkstore.cli.source.NodeView;
import zkstore.jute.JuteMaxBuffer;
import zkstore.jute.JuteWriter;

/** {@code zkstore import FILE --out NEWDIR}: a data dir built from an {@code export --json} file. */
@Command(name = "import", mixinStandardHelpOptions = true,
    header = "Build a new data dir from an 'export --json' file.",
    description = "Build a new data dir from an 'export --json' file: one snapshot named for the highest zxid in it, "
        + "stats and ACLs as exported. Ephemeral nodes get a session per owner (--session-timeout) so ZooKeeper "
        + "expires them.")
public final class ImportCommand extends CliCommand {
  @Mixin
  JuteLimitOptions juteLimits;

  @Parameters(index = "0", paramLabel = "FILE", description = "JSON Lines written by 'zkstore export --json' ('-' for stdin).")
  Path file;

  @Option(names = "--out", required = true, paramLabel = "NEWDIR", description = "New data dir (must not exist or be empty).")
  Path out;

  @Option(names = "--session-timeout", defaultValue = "30000", paramLabel = "MS", description = "Timeout of the sessions owning ephemeral nodes (default ${DEFAULT-VALUE}).")
  int sessionTimeoutMs;

  @Override
  public Integer call() throws IOException {
    java.util.TreeMap<String, NodeView> nodes;
    if (file.toString().equals("-")) {
      nodes = ExportReader.read(System.in, "stdin");
    } else {
      InputFiles.requireReadableFile(file);
      nodes = ExportReader.read(file);
    }
    JuteMaxBuffer limits = juteLimits.limits();
    int largest = largestField(nodes.values());
    if (largest > limits.limit()) {
      int needed = JuteMaxBuffer.maxBufferFor(largest);
      throw new UnusableInputException(file + ": a znode holds " + largest + " bytes, above the limit of "
          + limits.limit() + " (" + limits + "); ZooKeeper loads it only when started with a jute.maxbuffer of at"
          + " least " + needed + ": give --jute-maxbuffer " + needed + " to import it");
    }
    DataDirLayout target = OutputDir.create(out);
    var written = ImportWriter.write(target, nodes, sessionTimeoutMs, limits);
    out().println("wrote " + written.file().path() + " (" + written.nodes() + " nodes, " + written.sessions()
        + " sessions, zxid " + Hex.of(written.file().zxid()) + ")");
    if (largest > JuteMaxBuffer.DEFAULT.limit()) {
      out().println("note: a znode holds " + largest + " bytes, above ZooKeeper's default limit of "
          + JuteMaxBuffer.DEFAULT.limit() + "; ZooKeeper loads this data dir only with -D"
          + JuteMaxBuffer.readsWith(largest));
    }
    return ExitCode.OK;
  }

  /** The longest data or path, in bytes as the snapshot holds them: what ZooKeeper's length check sees. */
  private static int largestField(Iterable<NodeView> nodes) {
    int largest = 0;
    for (NodeView n : nodes) {
      largest = Math.max(largest, Math.max(n.dataLength(), JuteWriter.encodedLength(n.path())));
    }
    return largest;
  }
}
