package zkstore.cli.command;

import java.io.IOException;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import zkstore.cli.ExitCode;
import zkstore.cli.UnusableInputException;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.cli.datadir.DataDirOptions;
import zkstore.cli.format.Counts;
import zkstore.cli.format.JsonLines;
import zkstore.cli.source.JuteLimitOptions;
import zkstore.cli.source.LogReading;
import zkstore.cli.verify.DataDirVerifier;
import zkstore.cli.verify.FileCheck;

/** {@code zkstore verify}: every file of a data dir checked, one line per file and a verdict. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    header = "Check every log, snapshot and epoch file of a data dir.",
    description = "Check every log (header, frames, checksums, zxid continuity within and across files), every "
        + "snapshot (structure and seals), the epoch files, and whether the newest valid snapshot plus the logs "
        + "reach the last logged zxid. One line per file, then a verdict. Exit 0 clean, 1 problems, 2 unusable. "
        + "Log entries are checked by frame (checksum, length, zxid, op type); --deep also decodes every txn body.")
public final class VerifyCommand extends CliCommand {
  @Mixin
  JuteLimitOptions juteLimits;

  @Mixin
  DataDirOptions target;

  @Option(names = "--json", description = "JSON Lines: one object per file, then the verdict.")
  boolean json;

  @Option(names = "--threads", paramLabel = "N", description = "Files checked at once (default: one per processor; "
      + "1 leaves the other cores to a ZooKeeper running on the same host).")
  Integer threads;

  @Option(names = "--deep", description = "Also decode every txn body (slower): finds entries whose checksum is "
      + "valid but whose body ZooKeeper could not decode.")
  boolean deep;

  @Override
  public Integer call() throws IOException {
    if (threads != null && threads < 1) {
      throw new UnusableInputException("--threads " + threads + ": at least 1 thread is needed");
    }
    DataDirLayout layout = target.layout();
    long total = 0;
    for (LogReading.LogRef r : LogReading.all(layout.logDir())) {
      total += r.size();
    }
    for (zkstore.snapshot.SnapshotFile f : zkstore.snapshot.SnapshotFiles.listNewestFirst(layout.snapDir())) {
      total += java.nio.file.Files.size(f.path());
    }
    JsonLines lines = json ? new JsonLines(out()) : null;
    int problems;
    DataDirVerifier verifier;
    try (ProgressBar bar = Terminal.progress("verify", Math.max(total, 1), "MiB", 1 << 20)) {
      verifier = new DataDirVerifier(layout, c -> print(c, lines), n -> {
        if (bar != null) {
          bar.stepBy(n);
        }
      }, deep, threads == null ? Runtime.getRuntime().availableProcessors() : threads, juteLimits.limits());
      problems = verifier.run();
      if (lines != null) {
        int p = problems;
        int checks = verifier.checks();
        lines.line(g -> {
          g.writeStartObject();
          g.writeStringField("verdict", p == 0 ? "ok" : "problems");
          g.writeNumberField("problems", p);
          g.writeNumberField("checks", checks);
          g.writeEndObject();
        });
        lines.close();
      } else {
        out().println(problems == 0
            ? "verdict: OK (" + verifier.checks() + " checks, no problems)"
            : "verdict: PROBLEMS (" + Counts.of(problems, "problem") + " in " + verifier.checks() + " checks)");
      }
    }
    out().flush();
    if (verifier.nothingUsable()) {
      problem(target.describe() + ": no file in it is a ZooKeeper log or snapshot");
      return ExitCode.UNUSABLE;
    }
    return problems == 0 ? ExitCode.OK : ExitCode.PROBLEMS;
  }

  private void print(FileCheck c, JsonLines lines) {
    if (lines != null) {
      try {
        lines.line(g -> {
          g.writeStartObject();
          g.writeStringField("kind", c.kind());
          g.writeStringField("file", c.name());
          g.writeStringField("status", c.ok() ? "ok" : "problem");
          g.writeStringField("summary", c.summary());
          g.writeArrayFieldStart("problems");
          for (String p : c.problems()) {
            g.writeString(p);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return;
    }
    String label = String.format("%-9s %-8s %-22s", c.ok() ? "OK" : "PROBLEM", c.kind(), c.name());
    if (c.ok()) {
      out().println(label + " " + c.summary());
    } else {
      for (String p : c.problems()) {
        out().println(label + " " + p);
      }
    }
  }
}
