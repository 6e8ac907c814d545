package zkstore.engine;

import java.nio.file.Path;
import java.util.Objects;
import zkstore.jute.JuteMaxBuffer;
import zkstore.snapshot.SnapshotCompression;
import zkstore.snapshot.SnapshotReadOptions;
import zkstore.txnlog.Durability;
import zkstore.txnlog.ReadOptions;

/**
 * Immutable settings of a {@link StorageEngine}. A CLI flag, a zoo.cfg key or a system property only ever
 * builds one of these; nothing below reads global state.
 *
 * @param dataDir ZooKeeper's dataDir: snapshots and epoch files live in its {@code version-2}
 * @param dataLogDir ZooKeeper's dataLogDir: log files live in its {@code version-2} (often equal to dataDir)
 * @param snapCount txns between snapshots before randomisation (ZooKeeper's snapCount; values below 2 become 2)
 * @param snapSizeLimitBytes log bytes between snapshots before randomisation; 0 or less disables the size trigger
 * @param preallocBytes growth step of a log file in bytes
 * @param durability whether a commit forces the log (and a snapshot its file) before returning
 * @param compression how snapshots are written (reading accepts every codec)
 * @param emptyStart whether an empty store (no snapshot, no log) may start as an empty tree; otherwise it is refused
 * @param rollSeed seed of the per-node randomisation of the snapshot trigger; null draws one from the clock
 * @param juteMaxBuffer ZooKeeper's jute.maxbuffer settings: the longest txn payload logged or read, and the
 *     longest znode data or string a snapshot may hold
 */
public record EngineConfig(
    Path dataDir,
    Path dataLogDir,
    int snapCount,
    long snapSizeLimitBytes,
    long preallocBytes,
    Durability durability,
    SnapshotCompression compression,
    boolean emptyStart,
    Long rollSeed,
    JuteMaxBuffer juteMaxBuffer) {

  /** ZooKeeper's default snapCount. */
  public static final int DEFAULT_SNAP_COUNT = 100_000;
  /** ZooKeeper's default snapSizeLimitInKb, 4 GiB. */
  public static final long DEFAULT_SNAP_SIZE_LIMIT_BYTES = 4L * 1024 * 1024 * 1024;
  /** zkstore's default log growth step, 64 KiB (ZooKeeper's is 64 MiB). */
  public static final long DEFAULT_PREALLOC_BYTES = 64 * 1024;

  public EngineConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(dataLogDir, "dataLogDir");
    Objects.requireNonNull(durability, "durability");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(juteMaxBuffer, "juteMaxBuffer");
    snapCount = Math.max(2, snapCount);
    if (preallocBytes <= 0) {
      throw new IllegalArgumentException("preallocBytes must be > 0, was " + preallocBytes);
    }
  }

  /** Defaults for one directory holding both snapshots and logs; an empty store is refused. */
  public static EngineConfig of(Path dataDir) {
    return of(dataDir, dataDir);
  }

  /** Defaults for separate snapshot and log directories; an empty store is refused. */
  public static EngineConfig of(Path dataDir, Path dataLogDir) {
    return new EngineConfig(dataDir, dataLogDir, DEFAULT_SNAP_COUNT, DEFAULT_SNAP_SIZE_LIMIT_BYTES,
        DEFAULT_PREALLOC_BYTES, Durability.FORCE, SnapshotCompression.NONE, false, null, JuteMaxBuffer.DEFAULT);
  }

  /** {@code <dataDir>/version-2}, where snapshots and epoch files are. */
  public Path snapDir() {
    return dataDir.resolve("version-2");
  }

  /** {@code <dataLogDir>/version-2}, where log files are. */
  public Path logDir() {
    return dataLogDir.resolve("version-2");
  }

  /** How the engine and its restores read the logs: this config's payload limit, continuity left to the caller. */
  public ReadOptions logReadOptions() {
    return ReadOptions.defaults().withLimits(juteMaxBuffer).withCheckZxidContinuity(false);
  }

  /** How the engine and its restores read snapshots: this config's field limit. */
  public SnapshotReadOptions snapshotReadOptions() {
    return SnapshotReadOptions.DEFAULT.withLimits(juteMaxBuffer);
  }

  public EngineConfig withSnapCount(int count) {
    return new EngineConfig(dataDir, dataLogDir, count, snapSizeLimitBytes, preallocBytes, durability, compression,
        emptyStart, rollSeed, juteMaxBuffer);
  }

  public EngineConfig withSnapSizeLimitBytes(long bytes) {
    return new EngineConfig(dataDir, dataLogDir, snapCount, bytes, preallocBytes, durability, compression,
        emptyStart, rollSeed, juteMaxBuffer);
  }

  public EngineConfig withPreallocBytes(long bytes) {
    return new EngineConfig(dataDir, dataLogDir, snapCount, snapSizeLimitBytes, bytes, durability, compression,
        emptyStart, rollSeed, juteMaxBuffer);
  }

  public EngineConfig withDurability(Durability d) {
    return new EngineConfig(dataDir, dataLogDir, snapCount, snapSizeLimitBytes, preallocBytes, d, compression,
        emptyStart, rollSeed, juteMaxBuffer);
  }

  public EngineConfig withCompression(SnapshotCompression c) {
    return new EngineConfig(dataDir, dataLogDir, snapCount, snapSizeLimitBytes, preallocBytes, durability, c,
        emptyStart, rollSeed, juteMaxBuffer);
  }

  /** Allows (true) or refuses (false) starting an empty tree when the store holds neither snapshot nor log. */
  public EngineConfig withEmptyStart(boolean allowed) {
    return new EngineConfig(dataDir, dataLogDir, snapCount, snapSizeLimitBytes, preallocBytes, durability,
        compression, allowed, rollSeed, juteMaxBuffer);
  }

  /** The jute.maxbuffer settings of the ZooKeeper whose files these are (see {@link JuteMaxBuffer}). */
  public EngineConfig withJuteMaxBuffer(JuteMaxBuffer limits) {
    return new EngineConfig(dataDir, dataLogDir, snapCount, snapSizeLimitBytes, preallocBytes, durability,
        compression, emptyStart, rollSeed, limits);
  }

  public EngineConfig withRollSeed(long seed) {
    return new EngineConfig(dataDir, dataLogDir, snapCount, snapSizeLimitBytes, preallocBytes, durability,
        compression, emptyStart, seed, juteMaxBuffer);
  }
}
