package zkstore.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import zkstore.cli.ExitCode;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.cli.datadir.DataDirOptions;
import zkstore.cli.format.JsonLines;
import zkstore.cli.format.TxnJson;
import zkstore.cli.format.TxnText;
import zkstore.cli.source.JuteLimitOptions;
import zkstore.cli.source.LogEntry;
import zkstore.cli.source.LogFileScan;
import zkstore.cli.source.LogReading;
import zkstore.cli.source.LogVisitor;
import zkstore.record.FileHeader;

/** {@code zkstore log dump}: every txn of a log file or a data dir's logs, as TxnLogToolkit prints them or as JSON. */
@Command(name = "dump", mixinStandardHelpOptions = true,
    header = "Print the txns of a log file or of a data dir.",
    description = "Print the txns of one log file or of every log of a data dir, one per line. "
        + "Text is exactly ZooKeeper's TxnLogToolkit output (one header and one 'EOF reached' line per file).")
public final class LogDumpCommand extends CliCommand {
  @Mixin
  JuteLimitOptions juteLimits;

  @Mixin
  DataDirOptions target;

  @Mixin
  TxnFilter filter;

  @Option(names = "--json", description = "JSON Lines: one object per txn.")
  boolean json;

  @Option(names = "--stats", description = "Instead of the txns: counts and bytes per op type and per session.")
  boolean stats;

  @Override
  public Integer call() throws IOException {
    Path single = target.singleFile();
    List<LogReading.LogRef> files = single != null
        ? List.of(LogReading.ref(single))
        : LogReading.filesFrom(target.layout().logDir(), filter.from());
    if (files.isEmpty()) {
      boolean mayBeElsewhere = single == null && !target.layout().separateLogDir()
          && LogReading.all(target.layout().logDir()).isEmpty();
      problem(target.describe() + ": no log files"
          + (mayBeElsewhere ? " (" + DataDirLayout.SEPARATE_LOG_DIR_HINT + ")" : ""));
      return ExitCode.PROBLEMS;
    }
    PrintWriter out = out();
    JsonLines jsonOut = json ? new JsonLines(out) : null;
    TxnText text = new TxnText();
    TxnStats tally = stats ? new TxnStats() : null;
    long to = filter.to();
    int result = ExitCode.OK;
    int foreign = 0;
    long totalBytes = files.stream().mapToLong(LogReading.LogRef::size).sum();
    try (ProgressBar bar = Terminal.progress("log dump", totalBytes, "MiB", 1 << 20)) {
      for (LogReading.LogRef ref : files) {
        long[] count = {0};
        LogVisitor visitor = new LogVisitor() {
          @Override
          public void header(FileHeader h) {
            if (jsonOut == null && tally == null) {
              out.println("ZooKeeper Transactional Log File with dbid " + h.dbid() + " txnlog format version " + h.version());
            }
          }

          @Override
          public boolean entry(LogEntry e) throws IOException {
            if (filter.matches(e.txn())) {
              count[0]++;
              if (tally != null) {
                tally.add(e);
              } else if (jsonOut != null) {
                jsonOut.line(g -> TxnJson.write(g, e.txn()));
              } else {
                out.print(text.line(e.txn()));
              }
            }
            return single != null || e.zxid() <= to;
          }
        };
        LogFileScan scan;
        try {
          scan = LogReading.scan(ref, juteLimits.limits(), visitor);
        } catch (zkstore.jute.FormatException bad) {
          if (single != null) {
            throw bad;
          }
          problem(zkstore.cli.Problems.describe(bad));
          result = ExitCode.PROBLEMS;
          foreign++;
          continue;
        }
        if (bar != null) {
          bar.stepBy(ref.size());
        }
        if (jsonOut == null && tally == null) {
          out.println("EOF reached after " + count[0] + " txns.");
        }
        if (scan.end().problem()) {
          if (jsonOut != null) {
            jsonOut.flush();
          }
          problem(ref.path() + ": " + scan.end().describe() + lastGood(scan));
          result = ExitCode.PROBLEMS;
        }
        if (scan.lastZxid() > to && single == null) {
          break;
        }
      }
      if (tally != null) {
        if (jsonOut != null) {
          tally.printJson(jsonOut);
        } else {
          tally.printText(out);
        }
      }
    } finally {
      if (jsonOut != null) {
        jsonOut.close();
      }
      out.flush();
    }
    return foreign == files.size() ? ExitCode.UNUSABLE : result;
  }

  private static String lastGood(LogFileScan scan) {
    return scan.empty() ? ", no entry before it" : ", after zxid 0x" + Long.toHexString(scan.lastZxid());
  }
}
