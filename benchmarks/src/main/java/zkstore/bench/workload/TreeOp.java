package zkstore.bench.workload;

/**
 * One txn of the mixed tree workload, in a form both sides translate to their own records.
 * {@code type} is ZooKeeper's op code (1 create, 2 delete, 5 setData).
 */
public record TreeOp(int type, String path, byte[] data, int version, int parentCVersion, long zxid, long time,
    long clientId, int cxid) {
  public static final int CREATE = 1;
  public static final int DELETE = 2;
  public static final int SET_DATA = 5;
}
