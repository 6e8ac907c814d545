package zkstore.cli.datadir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import zkstore.record.FileHeader;
import zkstore.snapshot.SnapshotFile;
import zkstore.snapshot.SnapshotFiles;
import zkstore.txnlog.LogFiles;

/** Whether a directory holds at least one file that is ZooKeeper's (a log with its magic, a plausible snapshot). */
final class ZooKeeperFiles {
  private ZooKeeperFiles() {}

  static boolean anyUsable(Path snapDir, Path logDir) throws IOException {
    for (var log : LogFiles.list(logDir)) {
      if (hasLogMagic(log.path())) {
        return true;
      }
    }
    for (SnapshotFile s : SnapshotFiles.listNewestFirst(snapDir)) {
      if (SnapshotFiles.passesPrecheck(s)) {
        return true;
      }
    }
    return Files.exists(snapDir.resolve("currentEpoch")) || Files.exists(snapDir.resolve("acceptedEpoch"));
  }

  private static boolean hasLogMagic(Path p) throws IOException {
    byte[] b = new byte[4];
    try (InputStream in = Files.newInputStream(p)) {
      return in.readNBytes(b, 0, 4) == 4 && ByteBuffer.wrap(b).getInt() == FileHeader.LOG_MAGIC;
    }
  }
}
