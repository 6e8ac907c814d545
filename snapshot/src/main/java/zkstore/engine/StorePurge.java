package zkstore.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import zkstore.snapshot.PurgePlan;
import zkstore.snapshot.PurgePolicy;
import zkstore.snapshot.SnapshotFiles;
import zkstore.snapshot.SnapshotReader;

/**
 * Purge: keeps the newest {@code keep} snapshots that fully verify and exactly the logs needed to restore from
 * the oldest of them (ZooKeeper's PurgeTxnLog rules, FORMATS.md §7). Unlike ZooKeeper, a snapshot counts only
 * if its structure and seals verify, not just its last bytes, so a damaged newest snapshot never costs the
 * older one a restore would fall back to.
 */
public final class StorePurge {
  private StorePurge() {}

  /** Plans the purge without deleting anything. */
  public static PurgePlan plan(EngineConfig config, int keep) throws IOException {
    SnapshotReader reader = new SnapshotReader(config.snapshotReadOptions());
    PurgePolicy policy = new PurgePolicy(keep, file -> {
      if (!SnapshotFiles.passesPrecheck(file)) {
        return false;
      }
      try {
        reader.verify(file.path());
        return true;
      } catch (IOException e) {
        return false;
      }
    });
    return policy.plan(config.snapDir(), config.logDir());
  }

  /** Deletes what {@link #plan} lists and returns the plan. */
  public static PurgePlan purge(EngineConfig config, int keep) throws IOException {
    PurgePlan plan = plan(config, keep);
    for (Path p : plan.deletions()) {
      Files.deleteIfExists(p);
    }
    return plan;
  }
}
