package zkstore.cli.oracle;

import java.io.IOException;
import java.nio.file.Path;

/** Data directories written by the real ZooKeeper, with every txn type, several snapshots and logs. */
public final class Scenarios {
  private Scenarios() {}

  /**
   * Sessions, persistent/ephemeral/sequential/container/TTL nodes, setData with binary data, setACL,
   * deletes, multi (ok and failed), an error entry, a closed session; snapshots after zxids 0, 12 and 24
   * so the logs split into log.1, log.d and log.19 (last zxid 0x24).
   */
  public static long standard(Path dir) throws IOException {
    try (ZkDataDirWriter w = new ZkDataDirWriter(dir)) {
      w.snapshot();
      long s1 = w.createSession(0x10000059bb80000L, 30000);
      long s2 = w.createSession(0x10000059bb80001L, 10000);
      w.createPlain(s1, "/app", "config");
      w.create(s1, "/app/ephemeral", "e1", ZkDataDirWriter.OPEN, true, false);
      w.create(s1, "/app/seq-", "s", ZkDataDirWriter.OPEN, false, true);
      w.create(s1, "/app/seq-", "s", ZkDataDirWriter.OPEN, false, true);
      w.createContainer(s1, "/locks");
      w.create(s2, "/locks/lock-", null, ZkDataDirWriter.OPEN, true, true);
      w.createTtl(s1, "/ttl", "lease", 60_000);
      w.setData(s1, "/app", new byte[] {0, 1, 2, (byte) 0xff, (byte) 0x80, 'x'});
      w.setAcl(s1, "/app", ZkDataDirWriter.DIGEST);
      w.error(s1, -110);
      w.snapshot();
      w.multi(s1, "/app", "m1", "multi,data");
      w.failedMulti(s2);
      w.create(s2, "/unicode-\u00e9\u4e2d", "\u00e9t\u00e9", ZkDataDirWriter.OPEN, false, false);
      w.delete(s1, "/app/seq-0000000001");
      w.createPlain(s1, "/big", "x".repeat(3000));
      w.closeSession(s2);
      w.deleteContainer("/locks");
      w.setData(s1, "/app/m1", null);
      w.createPlain(s1, "/app/m1/deep", "d");
      w.createPlain(s1, "/app/m1/deep/er", "e");
      w.create(s1, "/app/ephemeral2", "e2", ZkDataDirWriter.OPEN, true, false);
      w.setData(s1, "/ttl", "renewed".getBytes());
      w.snapshot();
      long s3 = w.createSession(0x20000059bb80002L, 5000);
      w.createPlain(s3, "/after", "snap");
      w.setData(s3, "/after", "v2".getBytes());
      w.delete(s3, "/after");
      w.createPlain(s3, "/last", "1");
      w.setData(s3, "/last", "2".getBytes());
      w.setData(s3, "/last", "3".getBytes());
      w.createPlain(s3, "/last/a", "");
      w.createPlain(s3, "/last/b", "b");
      w.setData(s1, "/app/m1/deep", "dd".getBytes());
      w.setData(s1, "/app/m1/deep/er", "ee".getBytes());
      w.closeSession(s3);
      return w.zxid();
    }
  }

  /** The newest log file of a data dir written by ZooKeeper. */
  public static Path newestLog(Path dataDir) throws IOException {
    return newest(dataDir, "log.");
  }

  /** The snapshot with the highest zxid in {@code dataDir}'s version-2. */
  public static Path newestSnapshot(Path dataDir) throws IOException {
    return newest(dataDir, "snapshot.");
  }

  private static Path newest(Path dataDir, String prefix) throws IOException {
    try (var s = java.nio.file.Files.list(dataDir.resolve("version-2"))) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix))
          .max(java.util.Comparator.comparingLong(
              p -> Long.parseLong(p.getFileName().toString().substring(prefix.length()), 16)))
          .orElseThrow();
    }
  }

  /**
   * The offset just past the last whole entry of a log file (start of the zero padding in a file ZooKeeper wrote),
   * 16 when it has none.
   */
  public static long endOfEntries(Path log) throws IOException {
    java.util.List<Long> offsets = entryOffsets(log);
    if (offsets.isEmpty()) {
      return 16;
    }
    long last = offsets.get(offsets.size() - 1);
    return last + 13 + java.nio.ByteBuffer.wrap(java.nio.file.Files.readAllBytes(log)).getInt((int) last + 8);
  }

  /**
   * Offsets of the whole entries of a log file, from the first on; in a damaged file the walk stops at the first
   * length that is not positive or runs past the end.
   */
  public static java.util.List<Long> entryOffsets(Path log) throws IOException {
    byte[] b = java.nio.file.Files.readAllBytes(log);
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b);
    java.util.List<Long> out = new java.util.ArrayList<>();
    int at = 16;
    while (at + 12 <= b.length) {
      int len = buf.getInt(at + 8);
      if (len <= 0 || at + 13L + len > b.length) {
        break;
      }
      out.add((long) at);
      at += 8 + 4 + len + 1;
    }
    return out;
  }
}
