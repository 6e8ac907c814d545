package zkstore.cli.recover;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import zkstore.cli.Problems;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.cli.restore.OutputDir;
import zkstore.cli.restore.RestoreRefusedException;
import zkstore.cli.source.LogEnd;
import zkstore.cli.source.LogEntry;
import zkstore.cli.source.LogFileScan;
import zkstore.cli.source.LogReading;
import zkstore.jute.FormatException;
import zkstore.jute.JuteMaxBuffer;
import zkstore.snapshot.SnapshotFile;
import zkstore.snapshot.SnapshotFiles;
import zkstore.snapshot.SnapshotReader;
import zkstore.snapshot.SnapshotSink;
import zkstore.snapshot.TreeSnapshots;
import zkstore.tree.ApplyMode;
import zkstore.tree.DataTree;
import zkstore.tree.TreeOptions;

/**
 * Builds a repaired copy of a data directory that ZooKeeper loads: the newest snapshot that verifies, every
 * logged txn after it up to the first bad record (corruption, a hole in the zxids), logs cut there, invalid
 * snapshots left out, and a fresh snapshot at the recovered zxid. The source is only read.
 */
public final class DataDirRecovery {
  private final DataDirLayout in;
  private final JuteMaxBuffer limits;
  private final SnapshotReader snapshots;
  private final RecoveryReport report = new RecoveryReport();

  private DataDirRecovery(DataDirLayout in, JuteMaxBuffer limits) {
    this.in = in;
    this.limits = limits;
    this.snapshots = SnapshotReader.withLimits(limits);
  }

  /**
   * Recovers {@code in}, the files of a ZooKeeper started with {@code limits}, into the empty data dir {@code out};
   * returns what was kept, cut and dropped.
   */
  public static RecoveryReport recover(DataDirLayout in, DataDirLayout out, JuteMaxBuffer limits) throws IOException {
    return new DataDirRecovery(in, limits).run(out);
  }

  /** Per log file: how much of it the output keeps. */
  private static final class Kept {
    final LogReading.LogRef ref;
    long end = -1;
    long count;
    long first = -1;
    long last = -1;
    boolean damaged;
    String damage;

    Kept(LogReading.LogRef ref) {
      this.ref = ref;
    }
  }

  private RecoveryReport run(DataDirLayout out) throws IOException {
    List<SnapshotFile> valid = new ArrayList<>();
    DataTree tree = null;
    long s = -1;
    for (SnapshotFile f : SnapshotFiles.listNewestFirst(in.snapDir())) {
      String name = f.path().getFileName().toString();
      try {
        if (tree == null) {
          TreeSnapshots.Loaded loaded = TreeSnapshots.load(f.path(), snapshots, TreeOptions.DEFAULT);
          tree = loaded.tree();
          s = f.zxid();
          report.start = name;
        } else {
          snapshots.read(f, SnapshotSink.DISCARD);
        }
        valid.add(f);
      } catch (IOException | RuntimeException e) {
        String why = e instanceof FormatException fe ? Problems.describe(fe) : e.getMessage();
        report.files.add(new RecoveryReport.FileAction(name, "left out: does not verify (" + why + ")"));
      }
    }
    List<LogReading.LogRef> logs = LogReading.all(in.logDir());
    if (tree == null) {
      long first = firstLoggedZxid(logs);
      if (first == -1 || (first & 0xffffffffL) != 1) {
        throw new RestoreRefusedException("nothing to recover from: no snapshot verifies"
            + (first == -1 ? " and no log entry is readable" : " and the logs start at 0x" + Long.toHexString(first)
            + ", not at the first txn"));
      }
      tree = new DataTree();
      s = first - 1;
      report.start = "the logs alone (no snapshot verifies)";
    }
    List<Kept> kept = replay(tree, s, logs);
    long r = report.recoveredZxid;
    tree.setLastProcessedZxid(r);
    write(out, tree, valid, kept, r);
    return report;
  }

  private long firstLoggedZxid(List<LogReading.LogRef> logs) throws IOException {
    for (LogReading.LogRef ref : logs) {
      long[] first = {-1};
      try {
        LogReading.scan(ref, limits, e -> {
          first[0] = e.zxid();
          return false;
        });
      } catch (FormatException e) {
        continue;
      }
      if (first[0] != -1) {
        return first[0];
      }
    }
    return -1;
  }

  /** Applies every good txn after {@code s}; fills in the report's drops; returns what each log file keeps. */
  private List<Kept> replay(DataTree tree, long s, List<LogReading.LogRef> logs) throws IOException {
    List<Kept> result = new ArrayList<>();
    long[] last = {s};
    boolean[] stopped = {false};
    String[] stopReason = {null};
    for (LogReading.LogRef ref : logs) {
      Kept k = new Kept(ref);
      result.add(k);
      long[] dropFirst = {-1};
      long[] dropLast = {-1};
      long[] dropCount = {0};
      LogFileScan scan;
      try {
        scan = LogReading.scan(ref, limits, (LogEntry e) -> {
          long z = e.zxid();
          if (!stopped[0] && z > last[0] && !follows(last[0], z)) {
            stopped[0] = true;
            stopReason[0] = "the log skips from 0x" + Long.toHexString(last[0]) + " to 0x" + Long.toHexString(z) + " in "
                + ref.name() + " (zxids 0x" + Long.toHexString(last[0] + 1) + "..0x" + Long.toHexString(z - 1) + " are missing)";
          }
          if (!stopped[0] && z > s && z <= last[0]) {
            stopped[0] = true;
            stopReason[0] = "zxid 0x" + Long.toHexString(z) + " in " + ref.name() + " at offset " + e.offset()
                + " goes backwards (after 0x" + Long.toHexString(last[0]) + ")";
          }
          if (stopped[0]) {
            if (dropFirst[0] == -1) {
              dropFirst[0] = z;
            }
            dropLast[0] = z;
            dropCount[0]++;
            return true;
          }
          if (z > s) {
            tree.apply(e.txn(), ApplyMode.REPLAY);
            report.replayed++;
            last[0] = z;
          }
          k.end = e.end();
          k.count++;
          if (k.first == -1) {
            k.first = z;
          }
          k.last = z;
          return true;
        });
      } catch (FormatException e) {
        k.damaged = true;
        k.damage = "not a ZooKeeper log (" + Problems.describe(e) + ")";
        continue;
      }
      if (dropCount[0] > 0) {
        report.dropped.add(new RecoveryReport.Dropped(dropFirst[0], dropLast[0], dropCount[0], stopReason[0], true));
      }
      LogEnd end = scan.end();
      if (end instanceof LogEnd.Corrupt c) {
        k.damaged = true;
        k.damage = "corrupt entry at offset " + c.offset() + " (" + c.error().detail() + ")";
        long lastSeen = Math.max(k.last, dropLast[0]);
        long from = lastSeen >= 0 ? lastSeen + 1 : Math.max(ref.nameZxid(), 0);
        boolean beforeSnapshot = !stopped[0] && from <= s;
        if (!stopped[0] && !beforeSnapshot) {
          stopped[0] = true;
          stopReason[0] = "after the corrupt entry in " + ref.name() + " at offset " + c.offset();
        }
        String reason = ref.name() + " is corrupt at offset " + c.offset() + " (" + c.error().detail()
            + "); the rest of the file cannot be read";
        report.dropped.add(new RecoveryReport.Dropped(from, Long.MAX_VALUE, null,
            beforeSnapshot ? reason + "; their effect is kept in the snapshot" : reason, !beforeSnapshot));
      } else if (end instanceof LogEnd.TornTail t) {
        k.damage = "torn tail at offset " + t.offset() + " removed (a partial write, never acknowledged: " + t.detail() + ")";
      }
    }
    report.recoveredZxid = last[0];
    return result;
  }

  private static boolean follows(long prev, long z) {
    return z == prev + 1 || ((z >>> 32) > (prev >>> 32) && (z & 0xffffffffL) <= 1);
  }

  private void write(DataDirLayout out, DataTree tree, List<SnapshotFile> valid, List<Kept> kept, long r)
      throws IOException {
    boolean haveR = false;
    long gapEnd = lastMissingZxid(kept);
    String beforeGap = gapEnd < 0 ? null
        : "before the gap in the log history that ends at zxid 0x" + Long.toHexString(gapEnd)
            + ", so no log leads from it to the recovered state";
    for (SnapshotFile f : valid) {
      String name = f.path().getFileName().toString();
      if (f.zxid() < gapEnd) {
        report.files.add(new RecoveryReport.FileAction(name, "left out: verifies, but lies " + beforeGap));
      } else if (f.zxid() <= r) {
        Files.copy(f.path(), out.snapDir().resolve(name));
        report.files.add(new RecoveryReport.FileAction(name, "copied (verified)"));
        haveR |= f.zxid() == r;
      } else {
        report.files.add(new RecoveryReport.FileAction(name, "left out: newer than the recovered zxid"));
      }
    }
    if (!haveR && r >= 0) {
      var written = OutputDir.writeSnapshot(out, tree);
      report.files.add(new RecoveryReport.FileAction(written.file().path().getFileName().toString(),
          "written: the recovered state (" + written.nodes() + " nodes)"));
    }
    for (Kept k : kept) {
      String name = k.ref.name();
      if (k.count == 0) {
        report.files.add(new RecoveryReport.FileAction(name, "left out: no entry kept" + (k.damage == null ? "" : "; " + k.damage)));
        continue;
      }
      if (k.last <= gapEnd) {
        report.files.add(new RecoveryReport.FileAction(name, "left out: its entries lie " + beforeGap
            + (k.damage == null ? "" : "; " + k.damage)));
        continue;
      }
      boolean whole = !k.damaged && k.damage == null && k.last <= r && k.end >= 0;
      copyPrefix(k.ref.path(), out.logDir().resolve(name), whole ? k.ref.size() : k.end);
      report.files.add(new RecoveryReport.FileAction(name, whole ? "copied"
          : "cut after zxid 0x" + Long.toHexString(k.last) + " at offset " + k.end + " (" + k.count + " txns kept)"
              + (k.damage == null ? "" : "; " + k.damage)));
    }
    String epochs = OutputDir.copyEpochs(in, out, r);
    if (epochs != null) {
      report.files.add(new RecoveryReport.FileAction("epoch files", epochs));
    }
  }

  /**
   * The last zxid missing from the kept entries, read in file order, or -1 when they follow each other. A gap can
   * only lie at or below the start snapshot (above it the replay stops): a corrupt entry there loses the rest of
   * its file, whose effect the snapshot keeps. The snapshots and logs before the gap lead nowhere, so the copy leaves
   * them out rather than hand ZooKeeper (which would start anyway) and verify a history with a hole in it.
   */
  private static long lastMissingZxid(List<Kept> kept) {
    long gapEnd = -1;
    long previous = -1;
    for (Kept k : kept) {
      if (k.count == 0) {
        continue;
      }
      if (previous >= 0 && k.first > previous + 1 && !follows(previous, k.first)) {
        gapEnd = k.first - 1;
      }
      previous = k.last;
    }
    return gapEnd;
  }

  private static void copyPrefix(Path src, Path dst, long bytes) throws IOException {
    try (FileChannel from = FileChannel.open(src, StandardOpenOption.READ);
        FileChannel to = FileChannel.open(dst, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long done = 0;
      while (done < bytes) {
        long n = from.transferTo(done, bytes - done, to);
        if (n <= 0) {
          break;
        }
        done += n;
      }
      to.force(true);
    }
  }
}
