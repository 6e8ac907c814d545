package zkstore.bench.zkstore;

import java.io.IOException;
import java.nio.file.Path;
import zkstore.bench.harness.Work;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.cli.verify.DataDirVerifier;

/** {@code zkstore verify DATADIR} in process, its output discarded. */
public final class ZkStoreVerify {
  private ZkStoreVerify() {}

  /**
   * Runs every check of {@code zkstore verify}; items are log entries read, bytes the newest valid
   * snapshot's znodes, fingerprint the last logged zxid. Fails if verify found a problem.
   */
  public static Work verify(Path dataDir) throws IOException {
    DataDirVerifier v = new DataDirVerifier(DataDirLayout.resolve(dataDir, null), c -> {
      if (!c.ok()) {
        throw new IllegalStateException("zkstore verify found a problem in " + c.name() + ": " + c.problems());
      }
    }, bytes -> { });
    v.run();
    DataDirVerifier.Totals t = v.totals();
    return new Work(t.logEntries(), t.newestSnapshotNodes(), t.lastLoggedZxid());
  }
}
