package zkstore.cli.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import zkstore.cli.UnusableInputException;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.snapshot.EpochFile;
import zkstore.snapshot.SnapshotWriteResult;
import zkstore.snapshot.SnapshotWriter;
import zkstore.snapshot.TreeSnapshots;
import zkstore.tree.DataTree;

/** Writes a new data directory holding one snapshot of a tree (plus the source's epoch files when they still fit). */
public final class OutputDir {
  private OutputDir() {}

  /** Refuses an output directory that exists and is not empty; creates {@code out/version-2}. */
  public static DataDirLayout create(Path out) throws IOException {
    if (Files.exists(out)) {
      if (!Files.isDirectory(out)) {
        throw new UnusableInputException(out + ": exists and is a file; give a new directory");
      }
      try (var s = Files.list(out)) {
        if (s.findAny().isPresent()) {
          throw new UnusableInputException(out + ": exists and is not empty; give a new directory");
        }
      }
    }
    return DataDirLayout.forOutput(out);
  }

  /** Writes {@code snapshot.<tree's lastProcessedZxid>} into the new directory. */
  public static SnapshotWriteResult writeSnapshot(DataDirLayout out, DataTree tree) throws IOException {
    return TreeSnapshots.write(out.snapDir(), tree, new SnapshotWriter());
  }

  /**
   * Copies currentEpoch/acceptedEpoch when they are readable and not behind the state's epoch; otherwise
   * leaves them out (ZooKeeper then creates them from the restored zxid). Returns a note for the report, or null.
   */
  public static String copyEpochs(DataDirLayout from, DataDirLayout to, long zxid) throws IOException {
    StringBuilder notes = new StringBuilder();
    for (String name : new String[] {EpochFile.CURRENT_EPOCH, EpochFile.ACCEPTED_EPOCH}) {
      EpochFile src = name.equals(EpochFile.CURRENT_EPOCH) ? EpochFile.current(from.snapDir()) : EpochFile.accepted(from.snapDir());
      OptionalLong v;
      try {
        v = src.read();
      } catch (IOException e) {
        notes.append(name).append(" left out (unreadable: ").append(e.getMessage()).append("); ");
        continue;
      }
      if (v.isEmpty()) {
        continue;
      }
      if (v.getAsLong() < (zxid >>> 32)) {
        notes.append(name).append(" left out (epoch ").append(v.getAsLong()).append(" is behind the state's epoch ")
            .append(zxid >>> 32).append("); ");
        continue;
      }
      EpochFile dst = name.equals(EpochFile.CURRENT_EPOCH) ? EpochFile.current(to.snapDir()) : EpochFile.accepted(to.snapDir());
      dst.write(v.getAsLong());
    }
    return notes.length() == 0 ? null : notes.toString().trim();
  }
}
