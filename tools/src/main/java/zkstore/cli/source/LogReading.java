package zkstore.cli.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import zkstore.jute.FormatException;
import zkstore.jute.JuteMaxBuffer;
import zkstore.jute.JuteReader;
import zkstore.record.FileHeader;
import zkstore.txnlog.Corruption;
import zkstore.txnlog.LogFile;
import zkstore.txnlog.LogFiles;
import zkstore.txnlog.LogFormat;
import zkstore.txnlog.ReadOptions;
import zkstore.txnlog.ReadOutcome;
import zkstore.txnlog.TornTail;
import zkstore.txnlog.TxnLogReader;

/**
 * The tools' one door to transaction logs: lists a directory's logs and reads one file at a time through
 * the txnlog module's {@link TxnLogReader}, turning its outcomes into {@link LogEnd}s. The framing lives in txnlog.
 */
public final class LogReading {
  private LogReading() {}

  /** A log file, the zxid its name carries (-1 if none) and its size on disk. */
  public record LogRef(Path path, long nameZxid, long size) {
    public String name() {
      return path.getFileName().toString();
    }

    LogFile logFile() {
      return new LogFile(path, nameZxid);
    }
  }

  /** A single file named on the command line (its name need not be {@code log.<hex>}). */
  public static LogRef ref(Path file) throws IOException {
    InputFiles.requireReadableFile(file);
    return new LogRef(file, LogFormat.zxidOfFileName(file.getFileName().toString()), Files.size(file));
  }

  /** Every log file of {@code dir}, oldest first. */
  public static List<LogRef> all(Path dir) throws IOException {
    return refs(LogFiles.list(dir));
  }

  /** The log files a read from {@code fromZxid} needs, oldest first (ZooKeeper's selection). */
  public static List<LogRef> filesFrom(Path dir, long fromZxid) throws IOException {
    List<LogFile> files = LogFiles.list(dir);
    return refs(fromZxid == Long.MIN_VALUE ? files : LogFiles.forReadFrom(files, fromZxid));
  }

  private static List<LogRef> refs(List<LogFile> files) throws IOException {
    List<LogRef> refs = new ArrayList<>(files.size());
    for (LogFile f : files) {
      refs.add(new LogRef(f.path(), f.nameZxid(), Files.size(f.path())));
    }
    return refs;
  }

  /** Receives a log file's checksum-verified frames, undecoded, in file order. */
  @FunctionalInterface
  public interface FrameVisitor {
    /** Called per frame ({@code offset} of its checksum, {@code zxid} from its header); false stops reading the file. */
    boolean frame(long offset, long frameSize, long zxid) throws IOException;
  }

  /**
   * Reads one file from its header to its end, handing each entry to {@code visitor}, and says how it ended.
   * Zxid continuity is not checked here (callers that care compare consecutive zxids).
   *
   * @throws FormatException when the file is not a ZooKeeper log at all (bad magic)
   */
  public static LogFileScan scan(LogRef ref, JuteMaxBuffer limits, LogVisitor visitor) throws IOException {
    FileHeader header = readHeader(ref);
    if (header != null) {
      visitor.header(header);
    }
    return walk(ref, limits, reader -> {
      long frame = reader.frameLength();
      return visitor.entry(new LogEntry(ref.path(), reader.offset(), frame, reader.record()));
    });
  }

  /**
   * Reads one file as {@link #scan} does but without decoding bodies: every frame's length, end byte and
   * Adler32 are checked, its zxid read from the TxnHeader and its op type checked to be one ZooKeeper
   * loads. An entry whose body would not decode is not noticed (use {@link #scan} for that).
   *
   * @throws FormatException when the file is not a ZooKeeper log at all (bad magic)
   */
  public static LogFileScan scanFrames(LogRef ref, JuteMaxBuffer limits, FrameVisitor visitor) throws IOException {
    readHeader(ref);
    return walk(ref, limits, reader -> {
      reader.requireKnownType();
      return visitor.frame(reader.offset(), reader.frameLength(), reader.zxid());
    });
  }

  /** One entry's handling inside {@link #walk}: false stops the file. */
  private interface Step {
    boolean accept(TxnLogReader reader) throws IOException;
  }

  private static LogFileScan walk(LogRef ref, JuteMaxBuffer limits, Step step) throws IOException {
    ReadOptions perFile = ReadOptions.defaults().withLimits(limits).withCheckZxidContinuity(false);
    long count = 0;
    long first = -1;
    long last = -1;
    long end = LogFormat.HEADER_SIZE;
    LogEnd outcome;
    try (TxnLogReader reader = TxnLogReader.ofFiles(List.of(ref.logFile()), Long.MIN_VALUE, perFile)) {
      try {
        boolean more = true;
        while (more && reader.next()) {
          more = step.accept(reader);
          long z = reader.lastReturnedZxid();
          count++;
          if (first == -1) {
            first = z;
          }
          last = z;
          end = reader.offset() + reader.frameLength();
        }
        ReadOutcome o = reader.outcome();
        if (o instanceof TornTail t) {
          outcome = new LogEnd.TornTail(t.offset(), t.reason());
        } else {
          outcome = new LogEnd.Clean(end);
        }
      } catch (FormatException e) {
        outcome = new LogEnd.Corrupt(reader.outcome() instanceof Corruption c ? c.offset() : end,
            e.file() == null ? e.withFile(ref.path().toString()) : e);
      }
    }
    return new LogFileScan(ref.path(), ref.nameZxid(), count, first, last, outcome);
  }

  /**
   * The file header (decoded by the codec's {@link FileHeader}), null when the file is shorter than one.
   *
   * @throws FormatException when the magic is not a log's: the file belongs to another program
   */
  private static FileHeader readHeader(LogRef ref) throws IOException {
    if (ref.size() < FileHeader.BYTES) {
      return null;
    }
    byte[] bytes = new byte[FileHeader.BYTES];
    try (var in = Files.newInputStream(ref.path())) {
      if (in.readNBytes(bytes, 0, bytes.length) < bytes.length) {
        return null;
      }
    }
    FileHeader h = FileHeader.read(new JuteReader(bytes));
    if (h.magic() != FileHeader.LOG_MAGIC) {
      boolean zeros = java.util.stream.IntStream.range(0, bytes.length).allMatch(i -> bytes[i] == 0);
      if (!zeros) {
        throw new FormatException("not a ZooKeeper transaction log: magic expected 0x"
            + Integer.toHexString(FileHeader.LOG_MAGIC) + " (ZKLG), found 0x" + Integer.toHexString(h.magic()),
            ref.path().toString(), 0, null, false, null);
      }
    }
    return h;
  }
}
