package zkstore.txnlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import zkstore.record.Acl;
import zkstore.record.CloseSessionTxn;
import zkstore.record.CreateSessionTxn;
import zkstore.record.CreateTxn;
import zkstore.record.DeleteTxn;
import zkstore.record.ErrorTxn;
import zkstore.record.MultiTxn;
import zkstore.record.OpCode;
import zkstore.record.SetDataTxn;
import zkstore.record.SubTxn;
import zkstore.record.TxnDigest;
import zkstore.record.TxnHeader;
import zkstore.record.TxnRecord;

/** Seeded txns for log tests: the kinds a 3.9 server logs, with and without digests. */
final class Txns {
  private Txns() {}

  /** The seed of a random test: -Dzkstore.seed=N re-runs one, otherwise a fresh one that is printed. */
  static long seed(String test) {
    long seed = Long.getLong("zkstore.seed", System.nanoTime());
    System.out.println(test + " seed: " + seed + " (re-run with -Dzkstore.seed=" + seed + ")");
    return seed;
  }

  /** A setData of {@code dataBytes} bytes on a 30-char path, as in the baselines. */
  static TxnRecord setData(long zxid, int dataBytes) {
    byte[] data = new byte[dataBytes];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (zxid + i);
    }
    String path = String.format("/bench/node-%018d", zxid % 1000);
    return new TxnRecord(new TxnHeader(0x1000000L + (zxid % 7), (int) zxid, zxid, 1_700_000_000_000L + zxid,
        OpCode.SET_DATA), new SetDataTxn(path, data, (int) (zxid % 1000)), new TxnDigest(2, zxid * 31));
  }

  static List<TxnRecord> random(Random rnd, long firstZxid, int count) {
    List<TxnRecord> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(random(rnd, firstZxid + i));
    }
    return out;
  }

  static TxnRecord random(Random rnd, long zxid) {
    long session = 0x100000000L + rnd.nextInt(16);
    long time = 1_700_000_000_000L + zxid * 3;
    TxnDigest digest = new TxnDigest(2, rnd.nextLong());
    String path = "/n" + rnd.nextInt(1000) + "/c" + rnd.nextInt(100);
    byte[] data = new byte[rnd.nextInt(4) == 0 ? rnd.nextInt(3000) : rnd.nextInt(120)];
    rnd.nextBytes(data);
    switch (rnd.nextInt(8)) {
      case 0:
        return new TxnRecord(new TxnHeader(session, 0, zxid, time, OpCode.CREATE_SESSION),
            new CreateSessionTxn(30000), digest);
      case 1:
        return new TxnRecord(new TxnHeader(session, rnd.nextInt(50), zxid, time, OpCode.CLOSE_SESSION),
            new CloseSessionTxn(List.of(path)), digest);
      case 2:
        return new TxnRecord(new TxnHeader(session, rnd.nextInt(50), zxid, time, OpCode.CREATE),
            new CreateTxn(path, data, Acl.OPEN_ACL_UNSAFE, rnd.nextBoolean(), rnd.nextInt(10)), digest);
      case 3:
        return new TxnRecord(new TxnHeader(session, rnd.nextInt(50), zxid, time, OpCode.DELETE),
            new DeleteTxn(path), digest);
      case 4:
        return new TxnRecord(new TxnHeader(session, rnd.nextInt(50), zxid, time, OpCode.ERROR),
            new ErrorTxn(-110), null);
      case 5:
        return new TxnRecord(new TxnHeader(session, rnd.nextInt(50), zxid, time, OpCode.MULTI),
            new MultiTxn(List.of(new SubTxn(OpCode.CREATE, new CreateTxn(path, data, Acl.OPEN_ACL_UNSAFE,
                false, 1)), new SubTxn(OpCode.DELETE, new DeleteTxn(path + "x")))), digest);
      default:
        return new TxnRecord(new TxnHeader(session, rnd.nextInt(50), zxid, time, OpCode.SET_DATA),
            new SetDataTxn(path, data, rnd.nextInt(100)), digest);
    }
  }

  /**
   * Txns of every kind from the codec's oracle generator, renumbered with consecutive zxids. Pre-3.3 creates
   * are left out: ZooKeeper 3.9 decodes them but can only write the current form back.
   */
  static List<TxnRecord> fromOracle(long seed, long firstZxid, int count) {
    zkstore.oracle.RandomRecords rr = new zkstore.oracle.RandomRecords(new Random(seed), true);
    List<TxnRecord> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      TxnRecord t = rr.txnRecord();
      if (t.body() instanceof CreateTxn c && c.legacyV0()) {
        i--;
        continue;
      }
      TxnHeader h = t.header();
      out.add(new TxnRecord(new TxnHeader(h.clientId(), h.cxid(), firstZxid + i, h.time(), h.type()), t.body(),
          t.digest()));
    }
    return out;
  }

  static List<TxnRecord> readAll(java.nio.file.Path dir, long from) throws java.io.IOException {
    List<TxnRecord> out = new ArrayList<>();
    try (TxnLogReader r = TxnLogReader.open(dir, from)) {
      while (r.next()) {
        out.add(r.record());
      }
    }
    return out;
  }
}
