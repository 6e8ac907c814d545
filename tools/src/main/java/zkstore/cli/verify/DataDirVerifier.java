package zkstore.cli.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import zkstore.cli.Problems;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.cli.format.Counts;
import zkstore.cli.source.LogEnd;
import zkstore.cli.source.LogFileScan;
import zkstore.cli.source.LogReading;
import zkstore.jute.FormatException;
import zkstore.jute.JuteMaxBuffer;
import zkstore.snapshot.EpochFile;
import zkstore.snapshot.SnapshotFile;
import zkstore.snapshot.SnapshotFiles;
import zkstore.snapshot.SnapshotReadResult;
import zkstore.snapshot.SnapshotReader;
import zkstore.txnlog.LogFormat;

/**
 * Checks every log, snapshot and epoch file of a data directory, whether the newest valid snapshot plus
 * the logs reach the last logged zxid, and whether ZooKeeper 3.9 itself would start from the directory.
 * Streams one {@link FileCheck} per file to a consumer; logs are read entry by entry (flat memory). Log entries
 * are checked by frame (length, end byte, Adler32, zxid, op type) unless {@code deep}, which also decodes every
 * txn body.
 */
public final class DataDirVerifier {
  private static final long PROGRESS_STEP = 16L << 20;
  /**
   * A snapshot byte (or a deep-checked log byte) takes about twice the work of a frame-checked log byte
   * (1M-node snapshot of 206 MB: 0.105 s; a 201 MB log: about 0.06 s).
   */
  private static final long SNAPSHOT_COST = 2;

  private final DataDirLayout layout;
  private final Consumer<FileCheck> sink;
  private final Consumer<Long> progress;
  private final boolean deep;
  private final int threads;
  private final JuteMaxBuffer limits;
  private int checks;
  private int fileChecks;
  private int problems;
  private int unusable;
  /** The largest jute.maxbuffer a problem said would read an intact entry or znode, -1 if none. */
  private int neededMaxBuffer = -1;
  private long logEntries;
  private long lastLogged = -1;
  /**
   * The highest zxid of a corrupt entry that carries the next zxid of its file: it was logged (valid entries follow
   * it, or it is whole but above the limit), so a restore that stops before it falls short. -1 if none.
   */
  private long loggedPastDamage = -1;
  private long newestSnapshotNodes = -1;
  /** ZooKeeper's read of each log that zkstore's check read to a clean end: it ends there too. */
  private final Map<Path, ZooKeeperLogRead.Result> cleanLogs = new HashMap<>();

  /** What a run covered: log entries read, the last logged zxid (-1 if none), nodes of the newest valid snapshot (-1 if none). */
  public record Totals(long logEntries, long lastLoggedZxid, long newestSnapshotNodes) {}

  public DataDirVerifier(DataDirLayout layout, Consumer<FileCheck> sink, Consumer<Long> progressBytes) {
    this(layout, sink, progressBytes, false);
  }

  /** A verifier that, when {@code deep}, also decodes every txn body (slower; finds checksum-valid bodies that do not decode). */
  public DataDirVerifier(DataDirLayout layout, Consumer<FileCheck> sink, Consumer<Long> progressBytes, boolean deep) {
    this(layout, sink, progressBytes, deep, Runtime.getRuntime().availableProcessors());
  }

  /** As above, checking at most {@code threads} files at once. */
  public DataDirVerifier(DataDirLayout layout, Consumer<FileCheck> sink, Consumer<Long> progressBytes, boolean deep,
      int threads) {
    this(layout, sink, progressBytes, deep, threads, JuteMaxBuffer.DEFAULT);
  }

  /** As above, for the files of a ZooKeeper started with {@code limits}. */
  public DataDirVerifier(DataDirLayout layout, Consumer<FileCheck> sink, Consumer<Long> progressBytes, boolean deep,
      int threads, JuteMaxBuffer limits) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + " < 1");
    }
    this.layout = layout;
    this.sink = sink;
    this.progress = progressBytes;
    this.deep = deep;
    this.threads = threads;
    this.limits = limits;
  }

  /**
   * Runs every check; returns the number of problems found. The files are read in parallel, one thread per
   * processor, the costliest first; their lines come out in the same order as a sequential run's (logs oldest
   * first, then snapshots oldest first), each log line as soon as it and the logs before it are done.
   */
  public int run() throws IOException {
    List<LogReading.LogRef> logs = LogReading.all(layout.logDir());
    List<SnapshotFile> snapshots = new ArrayList<>(SnapshotFiles.listNewestFirst(layout.snapDir()));
    java.util.Collections.reverse(snapshots);
    List<FileTasks.Task<FileResult>> tasks = new ArrayList<>();
    for (LogReading.LogRef ref : logs) {
      tasks.add(new FileTasks.Task<>(() -> checkLog(ref), ref.size() * (deep ? SNAPSHOT_COST : 1)));
    }
    SnapshotReader reader = SnapshotReader.withLimits(limits);
    for (SnapshotFile f : snapshots) {
      long size = java.nio.file.Files.size(f.path());
      tasks.add(new FileTasks.Task<>(() -> checkSnapshot(reader, f, size), size * SNAPSHOT_COST));
    }
    List<LogSpan> spans;
    SnapshotFile newestValid = null;
    Set<Path> loading = new HashSet<>();
    try (FileTasks running = new FileTasks(Math.max(1, Math.min(threads, tasks.size())))) {
      List<Future<FileResult>> results = running.start(tasks);
      spans = reportLogs(results.subList(0, logs.size()));
      for (Future<FileResult> f : results.subList(logs.size(), results.size())) {
        SnapshotResult r = (SnapshotResult) FileTasks.await(f);
        emit(r.check);
        if (r.nodes >= 0) {
          loading.add(r.file.path());
          newestValid = r.file;
          newestSnapshotNodes = r.nodes;
        }
      }
    }
    for (Path tmp : SnapshotFiles.temporaries(layout.snapDir())) {
      emit(new FileCheck("snapshot", tmp.getFileName().toString(),
          "leftover temporary file of an unfinished snapshot write (ignored by restore)", List.of(), true));
    }
    lastLogged = Math.max(spans.isEmpty() ? -1 : spans.get(spans.size() - 1).last, loggedPastDamage);
    checkEpochs(Math.max(lastLogged, newestValid == null ? -1 : newestValid.zxid()));
    checkReach(spans, newestValid, lastLogged, logs.isEmpty() && !layout.separateLogDir());
    emit(ZooKeeperStartCheck.check(layout, limits, neededMaxBuffer, f -> loading.contains(f.path()), cleanLogs::get));
    return problems;
  }

  /** Progress from any checking thread. */
  private void step(long bytes) {
    synchronized (progress) {
      progress.accept(bytes);
    }
  }

  /** What the last {@link #run()} covered. */
  public Totals totals() {
    return new Totals(logEntries, lastLogged, newestSnapshotNodes);
  }

  /** Files checked (directory-level checks included). */
  public int checks() {
    return checks;
  }

  /** True when no file at all was a ZooKeeper file. */
  public boolean nothingUsable() {
    return unusable > 0 && unusable == fileChecks;
  }

  private void emit(FileCheck c) {
    checks++;
    if (!c.kind().equals("restore") && !c.kind().equals(ZooKeeperStartCheck.KIND)) {
      fileChecks++;
    }
    problems += c.problems().size();
    for (String p : c.problems()) {
      neededMaxBuffer = Math.max(neededMaxBuffer, JuteMaxBuffer.namedIn(p));
    }
    if (!c.usable()) {
      unusable++;
    }
    sink.accept(c);
  }

  /** What one checking thread found in one file. */
  private sealed interface FileResult permits LogResult, SnapshotResult {}

  /** The zxids a log file holds, as far as it could be read. */
  /** {@code endsEarly}: reading stopped at a torn or corrupt entry, so later zxids of the file are unknown. */
  private record LogSpan(String name, long first, long last, boolean endsEarly) {}

  /** What reading one log found on its own; the checks across files are made in file order afterwards. */
  private record LogResult(LogReading.LogRef ref, LogFileScan scan, FormatException unreadable, String gap)
      implements FileResult {}

  /** Reads one log on a checking thread. */
  private LogResult checkLog(LogReading.LogRef ref) throws IOException {
    Continuity continuity = new Continuity();
    try {
      LogFileScan scan = deep
          ? LogReading.scan(ref, limits, e -> continuity.frame(e.offset(), e.frameSize(), e.zxid()))
          : LogReading.scanFrames(ref, limits, continuity);
      return new LogResult(ref, scan, null, continuity.gap);
    } catch (FormatException e) {
      return new LogResult(ref, null, e, null);
    } finally {
      step(ref.size() - continuity.reported);
    }
  }

  /** Emits each log's line in file order, adding the checks between neighbouring files. */
  private List<LogSpan> reportLogs(List<Future<FileResult>> results) throws IOException {
    List<LogSpan> spans = new ArrayList<>();
    LogSpan previous = null;
    for (Future<FileResult> f : results) {
      LogResult r = (LogResult) FileTasks.await(f);
      LogReading.LogRef ref = r.ref;
      if (r.unreadable != null) {
        emit(new FileCheck("log", ref.name(), "", List.of(Problems.describe(r.unreadable)), false));
        continue;
      }
      LogFileScan scan = r.scan;
      logEntries += scan.entries();
      List<String> found = new ArrayList<>();
      if (r.gap != null) {
        found.add(r.gap);
      }
      if (!scan.empty() && ref.nameZxid() != scan.firstZxid()) {
        found.add("named for zxid 0x" + Long.toHexString(ref.nameZxid()) + " but its first entry is 0x"
            + Long.toHexString(scan.firstZxid()));
      }
      LogEnd end = scan.end();
      if (end instanceof LogEnd.Clean && ref.size() >= LogFormat.HEADER_SIZE) {
        cleanLogs.put(ref.path(), new ZooKeeperLogRead.Result(scan.entries(), scan.empty() ? -1 : scan.firstZxid(),
            scan.empty() ? -1 : scan.lastZxid(), new ZooKeeperLogRead.Clean()));
      }
      if (end instanceof LogEnd.TornTail t) {
        found.add("torn tail at offset " + t.offset() + " after zxid 0x" + Long.toHexString(scan.lastZxid()) + ": " + t.detail());
      } else if (end instanceof LogEnd.Corrupt c) {
        Long claimed = c.error().zxid();
        if (claimed != null && (scan.empty() ? claimed == ref.nameZxid() : follows(scan.lastZxid(), claimed))) {
          loggedPastDamage = Math.max(loggedPastDamage, claimed);
        }
        boolean zxidUnknown = c.error().zxid() == null && !scan.empty();
        found.add(Problems.describe(c.error())
            + (zxidUnknown ? ", after zxid 0x" + Long.toHexString(scan.lastZxid()) : ""));
      }
      if (!scan.empty()) {
        LogSpan span = new LogSpan(ref.name(), scan.firstZxid(), scan.lastZxid(), end.problem());
        if (previous != null && !follows(previous.last, span.first)) {
          found.add(span.first <= previous.last
              ? "starts at zxid 0x" + Long.toHexString(span.first) + ", overlapping " + previous.name + " (up to 0x"
                  + Long.toHexString(previous.last) + ")"
              : "zxids 0x" + Long.toHexString(previous.last + 1) + "..0x" + Long.toHexString(span.first - 1)
                  + " are missing between " + previous.name + " and " + ref.name()
                  + (previous.endsEarly ? " (" + previous.name + " is not readable past its problem above)"
                      : " (a missing log file?)"));
        }
        spans.add(span);
        previous = span;
      }
      String summary = scan.empty() ? "no entries"
          : scan.entries() + " txns, zxid 0x" + Long.toHexString(scan.firstZxid()) + "..0x" + Long.toHexString(scan.lastZxid());
      emit(new FileCheck("log", ref.name(), summary, found, true));
    }
    return spans;
  }

  /** Within one file: the first zxid that does not follow its predecessor, and progress in steps. */
  private final class Continuity implements LogReading.FrameVisitor {
    long prev = -1;
    String gap;
    long reported;

    @Override
    public boolean frame(long offset, long frameSize, long z) {
      if (prev != -1 && gap == null && !follows(prev, z)) {
        gap = "zxid 0x" + Long.toHexString(z) + " at offset " + offset + " does not follow 0x"
            + Long.toHexString(prev) + (z <= prev ? " (goes backwards)" : " (0x" + Long.toHexString(prev + 1)
            + "..0x" + Long.toHexString(z - 1) + " missing)");
      }
      prev = z;
      long end = offset + frameSize;
      if (end - reported >= PROGRESS_STEP) {
        step(end - reported);
        reported = end;
      }
      return true;
    }
  }

  /** Whether zxid {@code z} may come right after {@code prev}: the next counter, or the first of a later epoch. */
  static boolean follows(long prev, long z) {
    return z == prev + 1 || ((z >>> 32) > (prev >>> 32) && (z & 0xffffffffL) <= 1);
  }

  /** The verdict on one snapshot: its line and, when it verified, its node count (-1 otherwise). */
  private record SnapshotResult(SnapshotFile file, FileCheck check, long nodes) implements FileResult {}

  /** Checks one snapshot on a checking thread (it emits nothing itself). */
  private SnapshotResult checkSnapshot(SnapshotReader reader, SnapshotFile f, long size) {
    String name = f.path().getFileName().toString();
    try {
      SnapshotReadResult r = reader.read(f, zkstore.snapshot.SnapshotSink.DISCARD);
      String summary = Counts.of(r.nodes(), "node") + ", " + Counts.of(r.sessions(), "session") + ", "
          + Counts.of(r.layout().seals(), "seal") + " ("
          + r.layout().zookeeperVersions() + " layout)"
          + (r.digest() != null ? ", digest at 0x" + Long.toHexString(r.digest().zxid()) : "");
      return new SnapshotResult(f, new FileCheck("snapshot", name, summary, List.of(), true), r.nodes());
    } catch (FormatException e) {
      boolean foreign = e.offset() <= 0 && e.detail().contains("magic");
      return new SnapshotResult(f, new FileCheck("snapshot", name, "",
          List.of(Problems.describe(e.file() == null ? e.withFile(name) : e)), !foreign), -1);
    } catch (IOException e) {
      return new SnapshotResult(f, new FileCheck("snapshot", name, "", List.of(name + ": " + e.getMessage()), true), -1);
    } finally {
      step(size);
    }
  }

  private void checkEpochs(long lastZxid) throws IOException {
    OptionalLong current = readEpoch(EpochFile.current(layout.snapDir()), lastZxid);
    OptionalLong accepted = readEpoch(EpochFile.accepted(layout.snapDir()), lastZxid);
    if (current != null && accepted != null && current.isPresent() && accepted.isPresent()
        && accepted.getAsLong() < current.getAsLong()) {
      emit(new FileCheck("epoch", EpochFile.ACCEPTED_EPOCH, "", List.of("acceptedEpoch " + accepted.getAsLong()
          + " is below currentEpoch " + current.getAsLong() + ": ZooKeeper refuses to start"), true));
    }
  }

  /** Reads and reports one epoch file; null when it is unreadable (already reported). */
  private OptionalLong readEpoch(EpochFile file, long lastZxid) throws IOException {
    String name = file.path().getFileName().toString();
    OptionalLong v;
    try {
      v = file.read();
    } catch (FormatException e) {
      emit(new FileCheck("epoch", name, "", List.of(Problems.describe(e)), true));
      return null;
    }
    if (v.isEmpty()) {
      return v;
    }
    List<String> found = new ArrayList<>();
    long dataEpoch = lastZxid < 0 ? 0 : lastZxid >>> 32;
    if (name.equals(EpochFile.CURRENT_EPOCH) && v.getAsLong() < dataEpoch) {
      found.add("currentEpoch " + v.getAsLong() + " is behind the epoch " + dataEpoch + " of the last zxid 0x"
          + Long.toHexString(lastZxid) + ": ZooKeeper refuses to start");
    }
    emit(new FileCheck("epoch", name, "epoch " + v.getAsLong(), found, true));
    return v;
  }

  /** {@code logsMayBeElsewhere}: no log file in the snapshot dir, and no separate log dir was given. */
  private void checkReach(List<LogSpan> spans, SnapshotFile newestValid, long lastLogged, boolean logsMayBeElsewhere) {
    List<String> found = new ArrayList<>();
    String summary;
    long start = newestValid == null ? 0 : newestValid.zxid();
    String from = newestValid == null ? "the logs alone" : newestValid.path().getFileName().toString();
    if (newestValid == null && spans.isEmpty()) {
      summary = "empty: no valid snapshot and no log entries";
      if (checks > 0) {
        found.add("no valid snapshot and no readable log entry: nothing to restore from");
      }
    } else if (lastLogged <= start) {
      summary = "from " + from + " (0x" + Long.toHexString(start) + "), no later txns logged"
          + (logsMayBeElsewhere ? "; no log file here: " + DataDirLayout.SEPARATE_LOG_DIR_HINT : "");
    } else {
      boolean covered = false;
      long reach = start;
      for (LogSpan s : spans) {
        if (s.last <= reach) {
          continue;
        }
        if (s.first <= reach + 1 || follows(reach, s.first)) {
          reach = s.last;
          covered = true;
        } else {
          break;
        }
      }
      if (newestValid == null && !spans.isEmpty() && (spans.get(0).first & 0xffffffffL) != 1) {
        found.add("no valid snapshot and the logs start at 0x" + Long.toHexString(spans.get(0).first)
            + ", not at the first txn: ZooKeeper cannot restore");
      }
      boolean inDamage = lastLogged == loggedPastDamage;
      if (reach < lastLogged) {
        found.add("the logs after " + from + " reach only 0x" + Long.toHexString(reach) + "; txns up to 0x"
            + Long.toHexString(lastLogged) + (inDamage ? " at least (in a damaged entry)" : "")
            + " were logged, so a restore would stop short");
      }
      summary = "from " + from + " (0x" + Long.toHexString(start) + ") + logs reach 0x" + Long.toHexString(covered ? reach : start)
          + ", last logged zxid 0x" + Long.toHexString(lastLogged) + (inDamage ? " or later" : "");
    }
    emit(new FileCheck("restore", "restore", summary, found, true));
  }
}
