package zkstore.cli.command;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import zkstore.cli.ExitCode;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.cli.format.Hex;
import zkstore.cli.imports.ExportReader;
import zkstore.cli.imports.ImportWriter;
import zkstore.cli.restore.OutputDir;
import zkstore.cli.source.InputFiles;
import zkstore.cli.source.NodeView;

/** {@code zkstore import FILE --out NEWDIR}: a data dir built from an {@code export --json} file. */
@Command(name = "import", mixinStandardHelpOptions = true,
    header = "Build a new data dir from an 'export --json' file.",
    description = "Build a new data dir from an 'export --json' file: one snapshot named for the highest zxid in it, "
        + "stats and ACLs as exported. Ephemeral nodes get a session per owner (--session-timeout) so ZooKeeper "
        + "expires them.")
public final class ImportCommand extends CliCommand {
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
    DataDirLayout target = OutputDir.create(out);
    var written = ImportWriter.write(target, nodes, sessionTimeoutMs);
    out().println("wrote " + written.file().path() + " (" + written.nodes() + " nodes, " + written.sessions()
        + " sessions, zxid " + Hex.of(written.file().zxid()) + ")");
    return ExitCode.OK;
  }
}
