package zkstore.txnlog;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Immutable settings of a txn log.
 *
 * @param dir the directory holding the {@code log.<hex>} files (a dataLogDir's {@code version-2})
 * @param preallocBytes growth step of a file in bytes (default 64 KiB; ZooKeeper's own default is 64 MiB)
 * @param preallocThresholdBytes a file grows when fewer than this many bytes remain (4 KiB, as ZooKeeper)
 * @param durability force on commit or not
 * @param rollSizeBytes a file whose written bytes pass this starts a new one on the next append; -1 is off
 * @param maxPayloadBytes the longest payload accepted on write and on read
 */
public record TxnLogConfig(
    Path dir,
    long preallocBytes,
    int preallocThresholdBytes,
    Durability durability,
    long rollSizeBytes,
    int maxPayloadBytes) {

  /** 64 KiB. */
  public static final long DEFAULT_PREALLOC_BYTES = 64 * 1024;
  /** ZooKeeper's preAllocSize default, 64 MiB. */
  public static final long ZOOKEEPER_PREALLOC_BYTES = 64L * 1024 * 1024;
  /** 4 KiB. */
  public static final int DEFAULT_PREALLOC_THRESHOLD = 4096;

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
  }

  /** Defaults for the log files directly in {@code logDir} (already the {@code version-2} directory). */
  public static TxnLogConfig inLogDir(Path logDir) {
    return new TxnLogConfig(logDir, DEFAULT_PREALLOC_BYTES, DEFAULT_PREALLOC_THRESHOLD, Durability.FORCE, -1,
        LogFormat.DEFAULT_MAX_PAYLOAD);
  }

  /** Defaults for a ZooKeeper dataLogDir: the files live in its {@code version-2} subdirectory. */
  public static TxnLogConfig forDataLogDir(Path dataLogDir) {
    return inLogDir(dataLogDir.resolve(LogFormat.VERSION_DIR));
  }

  public TxnLogConfig withPreallocBytes(long bytes) {
    return new TxnLogConfig(dir, bytes, preallocThresholdBytes, durability, rollSizeBytes, maxPayloadBytes);
  }

  public TxnLogConfig withDurability(Durability d) {
    return new TxnLogConfig(dir, preallocBytes, preallocThresholdBytes, d, rollSizeBytes, maxPayloadBytes);
  }

  public TxnLogConfig withRollSizeBytes(long bytes) {
    return new TxnLogConfig(dir, preallocBytes, preallocThresholdBytes, durability, bytes, maxPayloadBytes);
  }

  public TxnLogConfig withMaxPayloadBytes(int bytes) {
    return new TxnLogConfig(dir, preallocBytes, preallocThresholdBytes, durability, rollSizeBytes, bytes);
  }
}
