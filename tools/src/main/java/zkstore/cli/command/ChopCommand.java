package zkstore.cli.command;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import zkstore.cli.ExitCode;
import zkstore.cli.UnusableInputException;
import zkstore.cli.format.Hex;
import zkstore.cli.source.JuteLimitOptions;
import zkstore.cli.source.LogEntry;
import zkstore.cli.source.LogFileScan;
import zkstore.cli.source.LogReading;

/**
 * {@code zkstore chop}: TxnLogToolkit's chop into a new file: the header and every entry up to zxid Z,
 * unpadded; it succeeds only when the log holds Z and an entry after it. The input is never changed.
 */
@Command(name = "chop", mixinStandardHelpOptions = true,
    header = "Copy a log file up to zxid Z into a new file.",
    description = "Copy a log file up to and including zxid Z into a new file (TxnLogToolkit --chop). "
        + "Default output: <FILE>.chopped<Z in decimal>, as ZooKeeper names it.")
public final class ChopCommand extends CliCommand {
  @Mixin
  JuteLimitOptions juteLimits;

  @Parameters(index = "0", paramLabel = "FILE", description = "A transaction log file.")
  Path file;

  @Option(names = {"-z", "--zxid"}, required = true, paramLabel = "Z", converter = HexOrDecimal.class,
      description = "Last zxid to keep (0x.. or decimal).")
  long zxid;

  @Option(names = "--out", paramLabel = "OUT", description = "Output file (must not exist).")
  Path out;

  @Override
  public Integer call() throws IOException {
    LogReading.LogRef ref = LogReading.ref(file);
    Path target = out != null ? out : file.resolveSibling(file.getFileName() + ".chopped" + zxid);
    if (Files.exists(target)) {
      throw new UnusableInputException(target + ": output file exists, not overwriting it");
    }
    long[] kept = {0, 16, -1};
    boolean[] hasZ = {false};
    boolean[] later = {false};
    LogFileScan scan = LogReading.scan(ref, juteLimits.limits(), new zkstore.cli.source.LogVisitor() {
      @Override
      public void header(zkstore.record.FileHeader h) {
        out().println("ZooKeeper Transactional Log File with dbid " + h.dbid() + " txnlog format version " + h.version());
      }

      @Override
      public boolean entry(LogEntry e) {
        return chopVisit(e, zxid, kept, hasZ, later);
      }
    });

    if (scan.end().problem() && !later[0]) {
      problem(file + ": " + scan.end().describe() + "; nothing written");
      return ExitCode.PROBLEMS;
    }
    if (!later[0]) {
      out().println("EOF reached after " + kept[0] + " txns.");
      problem(file + ": no txn after zxid " + Hex.of(zxid) + ", nothing to chop; nothing written");
      return ExitCode.PROBLEMS;
    }
    if (kept[0] == 0 || !hasZ[0]) {
      out().println("This log does not contain zxid " + Long.toHexString(zxid));
      problem(file + ": zxid " + Hex.of(zxid) + " is not in this log; nothing written");
      return ExitCode.PROBLEMS;
    }
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
        FileChannel dst = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long done = 0;
      while (done < kept[1]) {
        done += in.transferTo(done, kept[1] - done, dst);
      }
      dst.force(true);
    }
    out().println("Chopping at " + Long.toHexString(zxid) + " new log has " + kept[0] + " records");
    err().println("chop: wrote " + target);
    return ExitCode.OK;
  }

  private boolean chopVisit(LogEntry e, long z, long[] kept, boolean[] hasZ, boolean[] later) {
      long ez = e.zxid();
      if (kept[2] != -1 && ez != kept[2] + 1) {
        boolean sameEpoch = (ez >>> 32) == (kept[2] >>> 32);
        if (sameEpoch) {
          out().println(String.format("There is intra-epoch gap between %x and %x", kept[2], ez));
        } else if ((ez & 0xffffffffL) != 1) {
          out().println(String.format("There is inter-epoch gap between %x and %x", kept[2], ez));
        }
      }
      kept[2] = ez;
      if (ez == z) {
        hasZ[0] = true;
      }
      if (ez > z) {
        later[0] = true;
        return false;
      }
      kept[0]++;
      kept[1] = e.end();
      return true;
  }
}
