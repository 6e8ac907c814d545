package zkstore.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import zkstore.cli.ExitCode;
import zkstore.cli.UnusableInputException;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.cli.datadir.DataDirOptions;
import zkstore.cli.format.Hex;
import zkstore.cli.format.JsonLines;
import zkstore.cli.recover.DataDirRecovery;
import zkstore.cli.recover.RecoveryReport;
import zkstore.cli.restore.OutputDir;
import zkstore.cli.source.JuteLimitOptions;

/** {@code zkstore recover}: a repaired copy of a data dir that ZooKeeper loads, and a report of what was dropped. */
@Command(name = "recover", mixinStandardHelpOptions = true,
    header = "Write a repaired copy of a damaged data dir.",
    description = "Write a repaired copy of DATADIR: logs cut at the first bad record, invalid snapshots left out, "
        + "a fresh snapshot at the recovered zxid; report exactly which zxids were dropped and why. "
        + "DATADIR is never modified, except with --in-place, which first moves it aside to a named backup. "
        + "Exit 0 when the copy was written (read the report), 1 when nothing can be recovered.")
public final class RecoverCommand extends CliCommand {
  @Mixin
  JuteLimitOptions juteLimits;

  @Mixin
  DataDirOptions source;

  static final class Target {
    @Option(names = "--out", paramLabel = "NEWDIR", description = "New data dir for the repaired copy.")
    Path out;

    @Option(names = "--in-place", description = "Replace DATADIR's version-2 with the repaired copy after moving the original to a backup it names.")
    boolean inPlace;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(names = "--json", description = "The report as JSON Lines.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    DataDirLayout in = source.layout();
    if (!target.inPlace) {
      DataDirLayout out = OutputDir.create(target.out);
      RecoveryReport report = DataDirRecovery.recover(in, out, juteLimits.limits());
      print(report, null);
      return ExitCode.OK;
    }
    if (in.separateLogDir()) {
      throw new UnusableInputException(in.snapDir() + ": --in-place needs logs and snapshots in one directory; use --out");
    }
    Path v2 = in.snapDir();
    Path parent = v2.toAbsolutePath().getParent();
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path staging = parent.resolve("zkstore-recover-" + stamp);
    DataDirLayout out = OutputDir.create(staging);
    RecoveryReport report = DataDirRecovery.recover(in, out, juteLimits.limits());
    Path backup = parent.resolve(v2.getFileName() + ".backup-" + stamp);
    Files.move(v2, backup, StandardCopyOption.ATOMIC_MOVE);
    Files.move(out.snapDir(), v2, StandardCopyOption.ATOMIC_MOVE);
    Files.delete(staging);
    print(report, backup);
    return ExitCode.OK;
  }

  private void print(RecoveryReport report, Path backup) throws IOException {
    if (!json) {
      if (backup != null) {
        out().println("backup of the original files: " + backup);
      }
      report.lines().forEach(out()::println);
      return;
    }
    try (JsonLines lines = new JsonLines(out())) {
      lines.line(g -> {
        g.writeStartObject();
        g.writeStringField("recoveredZxid", Hex.of(report.recoveredZxid()));
        g.writeStringField("start", report.start());
        g.writeNumberField("replayed", report.replayed());
        g.writeBooleanField("stateComplete", report.stateComplete());
        if (backup != null) {
          g.writeStringField("backup", backup.toString());
        }
        g.writeEndObject();
      });
      for (RecoveryReport.Dropped d : report.dropped()) {
        lines.line(g -> {
          g.writeStartObject();
          g.writeStringField("dropped", d.lostFromState() ? "state" : "logHistory");
          g.writeStringField("fromZxid", Hex.of(d.fromZxid()));
          if (d.toZxid() == Long.MAX_VALUE) {
            g.writeNullField("toZxid");
          } else {
            g.writeStringField("toZxid", Hex.of(d.toZxid()));
          }
          if (d.count() != null) {
            g.writeNumberField("count", d.count());
          }
          g.writeStringField("reason", d.reason());
          g.writeEndObject();
        });
      }
      for (RecoveryReport.FileAction f : report.files()) {
        lines.line(g -> {
          g.writeStartObject();
          g.writeStringField("file", f.file());
          g.writeStringField("action", f.action());
          g.writeEndObject();
        });
      }
    }
  }
}
