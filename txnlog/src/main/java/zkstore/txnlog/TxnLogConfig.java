package zkstore.txnlog;

import java.nio.file.Path;
import java.util.Objects;
import zkstore.jute.JuteMaxBuffer;

/**
 * Immutable settings of a txn log.
 *
 * @param dir the directory holding the {@code log.<hex>} files (a dataLogDir's {@code version-2})
 * @param preallocBytes growth step of a file in bytes (default 64 KiB; ZooKeeper's own default is 64 MiB)
 * @param preallocThresholdBytes a file grows when fewer than this many bytes remain (4 KiB, as ZooKeeper)
 * @param durability force on commit or not
 * @param rollSizeBytes a file whose written bytes pass this starts a new one on the next append; -1 is off
 * @param maxPayloadBytes the longest payload accepted on write and on read
 * @param mapWindowBytes virtual size of each mapping appends write through (default 1 GiB; a multiple of
 *     4 KiB). Only address space: pages are faulted in as appends reach them. Moving to a new window unmaps the
 *     old one, which for an unforced log costs about 3 ms per 64 MiB of dirty pages and restarts the
 *     prefaulting, so larger windows append faster (1 KiB txns, no force: 0.83 -> 0.55 to 0.69 us per txn
 *     from 64 MiB to 1 GiB).
 * @param earlyWriteback a forced log queues the pages its appends have finished for write-out, 32 KiB at a
 *     time, while the appends go on ({@code sync_file_range}, Linux), so a commit's force waits only for the
 *     tail of its batch (default true). It makes nothing durable; the force still does. False leaves every
 *     byte of a batch to the force. No effect on an unforced log, nor where the call is not available.
 */
public record TxnLogConfig(
    Path dir,
    long preallocBytes,
    int preallocThresholdBytes,
    Durability durability,
    long rollSizeBytes,
    int maxPayloadBytes,
    long mapWindowBytes,
    boolean earlyWriteback) {

  /** 64 KiB. */
  public static final long DEFAULT_PREALLOC_BYTES = 64 * 1024;
  /** ZooKeeper's preAllocSize default, 64 MiB. */
  public static final long ZOOKEEPER_PREALLOC_BYTES = 64L * 1024 * 1024;
  /** 4 KiB. */
  public static final int DEFAULT_PREALLOC_THRESHOLD = 4096;
  /** 1 GiB. */
  public static final long DEFAULT_MAP_WINDOW_BYTES = 1L << 30;
  /** The largest window a ByteBuffer can address, in whole pages. */
  public static final long MAX_MAP_WINDOW_BYTES = (Integer.MAX_VALUE / 4096) * 4096L;

  public TxnLogConfig {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(durability, "durability");
    if (preallocBytes <= 0) {
      throw new IllegalArgumentException("preallocBytes must be > 0, was " + preallocBytes);
    }
    if (preallocThresholdBytes < 0) {
      throw new IllegalArgumentException("preallocThresholdBytes must be >= 0, was " + preallocThresholdBytes);
    }
    if (rollSizeBytes == 0 || rollSizeBytes < -1) {
      throw new IllegalArgumentException("rollSizeBytes must be > 0 or -1, was " + rollSizeBytes);
    }
    if (maxPayloadBytes < LogFormat.TXN_HEADER_SIZE) {
      throw new IllegalArgumentException("maxPayloadBytes too small: " + maxPayloadBytes);
    }
    if (mapWindowBytes <= 0 || mapWindowBytes % 4096 != 0 || mapWindowBytes > MAX_MAP_WINDOW_BYTES) {
      throw new IllegalArgumentException("mapWindowBytes must be a positive multiple of 4096 up to "
          + MAX_MAP_WINDOW_BYTES + ", was " + mapWindowBytes);
    }
  }

  /** Defaults for the log files directly in {@code logDir} (already the {@code version-2} directory). */
  public static TxnLogConfig inLogDir(Path logDir) {
    return new TxnLogConfig(logDir, DEFAULT_PREALLOC_BYTES, DEFAULT_PREALLOC_THRESHOLD, Durability.FORCE, -1,
        LogFormat.DEFAULT_MAX_PAYLOAD, DEFAULT_MAP_WINDOW_BYTES, true);
  }

  /** Defaults for a ZooKeeper dataLogDir: the files live in its {@code version-2} subdirectory. */
  public static TxnLogConfig forDataLogDir(Path dataLogDir) {
    return inLogDir(dataLogDir.resolve(LogFormat.VERSION_DIR));
  }

  public TxnLogConfig withPreallocBytes(long bytes) {
    return new TxnLogConfig(dir, bytes, preallocThresholdBytes, durability, rollSizeBytes, maxPayloadBytes,
        mapWindowBytes, earlyWriteback);
  }

  public TxnLogConfig withDurability(Durability d) {
    return new TxnLogConfig(dir, preallocBytes, preallocThresholdBytes, d, rollSizeBytes, maxPayloadBytes,
        mapWindowBytes, earlyWriteback);
  }

  public TxnLogConfig withRollSizeBytes(long bytes) {
    return new TxnLogConfig(dir, preallocBytes, preallocThresholdBytes, durability, bytes, maxPayloadBytes,
        mapWindowBytes, earlyWriteback);
  }

  public TxnLogConfig withMaxPayloadBytes(int bytes) {
    return new TxnLogConfig(dir, preallocBytes, preallocThresholdBytes, durability, rollSizeBytes, bytes,
        mapWindowBytes, earlyWriteback);
  }

  /** The payload limit of a ZooKeeper with {@code limits}, on write and on read. */
  public TxnLogConfig withLimits(JuteMaxBuffer limits) {
    return withMaxPayloadBytes(ReadOptions.defaults().withLimits(limits).maxPayloadBytes());
  }

  public TxnLogConfig withMapWindowBytes(long bytes) {
    return new TxnLogConfig(dir, preallocBytes, preallocThresholdBytes, durability, rollSizeBytes, maxPayloadBytes,
        bytes, earlyWriteback);
  }

  public TxnLogConfig withEarlyWriteback(boolean on) {
    return new TxnLogConfig(dir, preallocBytes, preallocThresholdBytes, durability, rollSizeBytes, maxPayloadBytes,
        mapWindowBytes, on);
  }
}
