package zkstore.cli.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import zkstore.cli.ExitCode;
import zkstore.cli.UnusableInputException;
import zkstore.cli.format.Hex;
import zkstore.cli.format.JsonLines;
import zkstore.cli.format.NodeJson;
import zkstore.cli.format.SnapshotText;
import zkstore.cli.format.SubtreeSummary;
import zkstore.cli.format.TxnJson;
import zkstore.cli.source.InputFiles;
import zkstore.cli.source.JuteLimitOptions;
import zkstore.cli.source.NodeView;
import zkstore.cli.source.SnapshotImage;

/** {@code zkstore snapshot dump}: a snapshot's nodes, sessions, ACL cache and digest. */
@Command(name = "dump", mixinStandardHelpOptions = true,
    header = "Print a snapshot as ZooKeeper's SnapshotFormatter does.",
    description = "Print a snapshot (plain, .gz or .snappy) as ZooKeeper's SnapshotFormatter does, then its ACL cache, "
        + "layout and digest; or a per-subtree summary like SnapshotRecursiveSummary.")
public final class SnapshotDumpCommand extends CliCommand {
  @Mixin
  JuteLimitOptions juteLimits;

  @Parameters(index = "0", paramLabel = "FILE", description = "A snapshot file.")
  Path file;

  @Option(names = {"-d", "--data"}, description = "Print each node's data (base64) instead of its length.")
  boolean data;

  @Option(names = "--json", description = "JSON Lines: nodes (export fields), sessions, ACL entries, digest.")
  boolean json;

  @Option(names = "--summary", paramLabel = "PATH", description = "Only node counts and data bytes per subtree under PATH.")
  String summary;

  @Option(names = "--depth", paramLabel = "N", defaultValue = "0", description = "With --summary: print N levels (0 = all).")
  int depth;

  @Override
  public Integer call() throws IOException {
    InputFiles.requireReadableFile(file);
    SnapshotImage snap = SnapshotImage.read(file, juteLimits.limits());
    if (summary != null) {
      if (snap.tree().node(summary) == null) {
        throw new UnusableInputException(file + ": no node " + summary + " in this snapshot");
      }
      SubtreeSummary.print(snap.tree(), summary, depth, out());
      return ExitCode.OK;
    }
    if (!json) {
      SnapshotText.print(snap, data, out());
      return ExitCode.OK;
    }
    try (JsonLines lines = new JsonLines(out())) {
      for (NodeView n : snap.tree().nodes().values()) {
        lines.line(g -> {
          g.writeStartObject();
          g.writeStringField("kind", "node");
          NodeJson.fields(g, n);
          g.writeEndObject();
        });
      }
      for (Map.Entry<Long, Integer> s : snap.tree().sessions().entrySet()) {
        long eph = snap.tree().nodes().values().stream().filter(n -> n.stat().ephemeralOwner() == s.getKey()).count();
        lines.line(g -> {
          g.writeStartObject();
          g.writeStringField("kind", "session");
          g.writeStringField("session", Hex.of(s.getKey()));
          g.writeNumberField("timeout", s.getValue());
          g.writeNumberField("ephemeralCount", eph);
          g.writeEndObject();
        });
      }
      for (var a : new java.util.TreeMap<>(snap.aclMap()).entrySet()) {
        lines.line(g -> {
          g.writeStartObject();
          g.writeStringField("kind", "acl");
          g.writeNumberField("key", a.getKey());
          TxnJson.acl(g, a.getValue());
          g.writeEndObject();
        });
      }
      var r = snap.result();
      lines.line(g -> {
        g.writeStartObject();
        g.writeStringField("kind", "snapshot");
        g.writeStringField("zxid", Hex.of(r.nameZxid()));
        g.writeStringField("lastZxid", Hex.of(snap.formatterLastZxid()));
        g.writeNumberField("seals", r.layout().seals());
        g.writeNumberField("nodes", r.nodes());
        g.writeNumberField("sessions", r.sessions());
        if (r.digest() != null) {
          g.writeObjectFieldStart("digest");
          g.writeStringField("zxid", Hex.of(r.digest().zxid()));
          g.writeNumberField("version", r.digest().version());
          g.writeStringField("digest", Hex.of(r.digest().digest()));
          g.writeEndObject();
        }
        if (r.lastProcessedZxid().isPresent()) {
          g.writeStringField("lastProcessedZxid", Hex.of(r.lastProcessedZxid().getAsLong()));
        }
        g.writeEndObject();
      });
    }
    return ExitCode.OK;
  }
}
