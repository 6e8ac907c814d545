package zkstore.bench.workload;

/**
 * The setData txns the log benchmarks write and read, identical for both sides: path of 30
 * characters (leaf {@code i % targets} of {@link Znodes}), {@code dataSize} bytes of printable data,
 * no digest. The body of txn {@code i} depends only on {@code i % targets}, so each side prepares
 * {@code targets} bodies before timing and reuses them. With 100 B data a log record is 187 bytes, with 1 KiB 1,111 bytes.
 */
public record SetDataTxns(int dataSize, long firstZxid, int targets) {
  public static final int SET_DATA = 5;
  public static final long DB_ID = 0;
  private static final int DATA_POOL = 64;

  public SetDataTxns {
    if (targets <= 0 || dataSize < 0) {
      throw new IllegalArgumentException("targets must be > 0 and dataSize >= 0");
    }
  }

  /** Index of txn {@code i}'s body among the {@code targets} distinct bodies. */
  public int body(long i) {
    return (int) (i % targets);
  }

  public String path(long i) {
    return Znodes.leafPath(body(i));
  }

  public byte[] data(long i) {
    return Znodes.printable(dataSize, body(i) % DATA_POOL);
  }

  public long zxid(long i) {
    return firstZxid + i;
  }

  public long clientId(long i) {
    return Znodes.sessionId((int) (i % Znodes.SESSIONS));
  }

  public int cxid(long i) {
    return (int) i;
  }

  public long time(long i) {
    return Znodes.BASE_TIME + i;
  }

  public int version(long i) {
    return body(i) + 1;
  }

  /** Bytes of one framed log record (checksum, length, payload, end-of-record byte). */
  public int recordBytes() {
    int header = 8 + 4 + 8 + 8 + 4;
    int body = 4 + 30 + 4 + dataSize + 4;
    return 8 + 4 + header + body + 1;
  }

  /** The log file header: magic, version, dbid. */
  public static final int FILE_HEADER_BYTES = 16;
}
