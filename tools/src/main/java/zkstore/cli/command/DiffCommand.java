package zkstore.cli.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import zkstore.cli.ExitCode;
import zkstore.cli.UnusableInputException;
import zkstore.cli.format.AclText;
import zkstore.cli.format.Counts;
import zkstore.cli.format.Hex;
import zkstore.cli.format.JsonLines;
import zkstore.cli.format.NodeJson;
import zkstore.cli.source.JuteLimitOptions;
import zkstore.cli.source.NodeView;
import zkstore.cli.source.TreeImage;
import zkstore.cli.source.TreeImages;
import zkstore.record.StatPersisted;

/** {@code zkstore diff A B}: nodes added, removed and changed between two snapshots or two data dirs. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    header = "Compare two snapshots or two data dirs, node by node.",
    description = "Compare two snapshot files or two data dirs (each restored read-only): nodes added (+), "
        + "removed (-) and changed (~: data, ACL, stat fields). Exit 0 when equal, 1 when they differ.")
public final class DiffCommand extends CliCommand {
  @Mixin
  JuteLimitOptions juteLimits;

  @Parameters(index = "0", paramLabel = "A", description = "Snapshot file or data dir (the old side).")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "Snapshot file or data dir (the new side).")
  Path b;

  @Option(names = "--json", description = "JSON Lines: one object per differing node.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    for (Path p : List.of(a, b)) {
      if (!java.nio.file.Files.exists(p)) {
        throw new UnusableInputException(p + ": no such file or directory");
      }
    }
    TreeImage left = TreeImages.load(a, juteLimits.limits());
    TreeImage right = TreeImages.load(b, juteLimits.limits());
    TreeSet<String> paths = new TreeSet<>(left.nodes().keySet());
    paths.addAll(right.nodes().keySet());
    int differences = 0;
    JsonLines lines = json ? new JsonLines(out()) : null;
    try {
      for (String path : paths) {
        NodeView l = left.node(path);
        NodeView r = right.node(path);
        if (l != null && r != null && l.equals(r)) {
          continue;
        }
        differences++;
        String change = l == null ? "added" : r == null ? "removed" : "changed";
        List<String> fields = l == null || r == null ? List.of() : changedFields(l, r);
        if (lines != null) {
          lines.line(g -> {
            g.writeStartObject();
            g.writeStringField("change", change);
            g.writeStringField("path", path);
            g.writeArrayFieldStart("fields");
            for (String f : fields) {
              g.writeString(f);
            }
            g.writeEndArray();
            if (l != null) {
              g.writeFieldName("a");
              NodeJson.write(g, l);
            }
            if (r != null) {
              g.writeFieldName("b");
              NodeJson.write(g, r);
            }
            g.writeEndObject();
          });
        } else if (l == null) {
          out().println("+ " + path + "  (" + r.dataLength() + " bytes, czxid " + Hex.of(r.stat().czxid()) + ")");
        } else if (r == null) {
          out().println("- " + path + "  (" + l.dataLength() + " bytes)");
        } else {
          out().println("~ " + path + "  " + describe(l, r, fields));
        }
      }
    } finally {
      if (lines != null) {
        lines.close();
      }
    }
    if (!json) {
      out().println(differences == 0 ? "trees are equal (" + paths.size() + " nodes)"
          : Counts.of(differences, "node") + " differ (A " + Hex.of(left.lastZxid()) + ", B "
              + Hex.of(right.lastZxid()) + ")");
    }
    return differences == 0 ? ExitCode.OK : ExitCode.PROBLEMS;
  }

  private static List<String> changedFields(NodeView l, NodeView r) {
    List<String> f = new ArrayList<>();
    if (!java.util.Arrays.equals(l.data(), r.data())) {
      f.add("data");
    }
    if (!Objects.equals(l.acl(), r.acl())) {
      f.add("acl");
    }
    StatPersisted x = l.stat();
    StatPersisted y = r.stat();
    String[] names = {"czxid", "mzxid", "ctime", "mtime", "version", "cversion", "aversion", "ephemeralOwner", "pzxid"};
    long[] xs = {x.czxid(), x.mzxid(), x.ctime(), x.mtime(), x.version(), x.cversion(), x.aversion(), x.ephemeralOwner(), x.pzxid()};
    long[] ys = {y.czxid(), y.mzxid(), y.ctime(), y.mtime(), y.version(), y.cversion(), y.aversion(), y.ephemeralOwner(), y.pzxid()};
    for (int i = 0; i < names.length; i++) {
      if (xs[i] != ys[i]) {
        f.add(names[i]);
      }
    }
    if (l.numChildren() != r.numChildren()) {
      f.add("numChildren");
    }
    return f;
  }

  private static String describe(NodeView l, NodeView r, List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (String f : fields) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      switch (f) {
        case "data" -> sb.append("data ").append(l.dataLength()).append(" -> ").append(r.dataLength()).append(" bytes");
        case "acl" -> sb.append("acl ").append(AclText.of(l.acl())).append(" -> ").append(AclText.of(r.acl()));
        case "version" -> sb.append("version ").append(l.stat().version()).append(" -> ").append(r.stat().version());
        case "mzxid" -> sb.append("mzxid ").append(Hex.of(l.stat().mzxid())).append(" -> ").append(Hex.of(r.stat().mzxid()));
        case "numChildren" -> sb.append("children ").append(l.numChildren()).append(" -> ").append(r.numChildren());
        default -> sb.append(f);
      }
    }
    return sb.toString();
  }
}
