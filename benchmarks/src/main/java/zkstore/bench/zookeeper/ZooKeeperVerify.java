package zkstore.bench.zookeeper;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import org.apache.zookeeper.server.DataTree;
import org.apache.zookeeper.server.Request;
import org.apache.zookeeper.server.persistence.FileSnap;
import org.apache.zookeeper.server.persistence.FileTxnLog;
import org.apache.zookeeper.server.persistence.TxnLog;
import org.apache.zookeeper.txn.SetDataTxn;
import org.apache.zookeeper.txn.TxnHeader;
import zkstore.bench.harness.InputCache;
import zkstore.bench.harness.LogScan;
import zkstore.bench.harness.PageCache;
import zkstore.bench.harness.Work;
import zkstore.bench.workload.SetDataTxns;
import zkstore.bench.workload.Znodes;

/**
 * The input of {@link zkstore.bench.VerifyBench}, written by ZooKeeper's own classes, and ZooKeeper's
 * closest equivalent of {@code zkstore verify}: iterate every log with its FileTxnIterator (checksums,
 * full deserialization) and load the newest snapshot with FileSnap (structure and seal).
 */
public final class ZooKeeperVerify {
  /** Leaves in the snapshot (its file is about 206 MB). */
  public static final int ZNODES = 1_000_000;
  /** Log files after the snapshot, each rolled as a snapshot would roll it. */
  public static final int LOG_FILES = 5;
  /** setData txns of 100 B per log file (187 B each): with the snapshot, about 1 GiB of data. */
  public static final int TXNS_PER_FILE = 928_000;
  private static final int DATA_SIZE = 100;

  private ZooKeeperVerify() {}

  /**
   * A data dir of about 1 GiB: {@code version-2} with the snapshot of {@link Znodes}{@code (1M, 100 B)},
   * five logs of 928,000 setData txns continuing from it, and epoch files.
   */
  public static Path dataDir(InputCache cache) {
    Path snapshotDir = new ZooKeeperInputs(cache).snapshot(ZNODES, DATA_SIZE);
    return cache.directory("verify-datadir-" + ZNODES + "-" + LOG_FILES + "x" + TXNS_PER_FILE, dir -> {
      Path v2 = Files.createDirectories(dir.resolve("version-2"));
      try (var snaps = Files.list(snapshotDir)) {
        for (Path s : snaps.toList()) {
          Files.copy(s, v2.resolve(s.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
      Znodes nodes = new Znodes(ZNODES, DATA_SIZE);
      SetDataTxns txns = new SetDataTxns(DATA_SIZE, nodes.lastZxid() + 1, Math.min(ZNODES, 100_000));
      writeLogs(v2, txns);
      Files.writeString(v2.resolve("currentEpoch"), Long.toString(nodes.lastZxid() >>> 32));
      Files.writeString(v2.resolve("acceptedEpoch"), Long.toString(nodes.lastZxid() >>> 32));
    });
  }

  private static void writeLogs(Path v2, SetDataTxns txns) throws IOException {
    System.setProperty("zookeeper.forceSync", "no");
    FileTxnLog.setPreallocSize(ZooKeeperInputs.PREALLOC_BYTES);
    FileTxnLog log = new FileTxnLog(v2.toFile());
    SetDataTxn[] bodies = new SetDataTxn[txns.targets()];
    for (int i = 0; i < bodies.length; i++) {
      bodies[i] = new SetDataTxn(txns.path(i), txns.data(i), txns.version(i));
    }
    try {
      long i = 0;
      for (int f = 0; f < LOG_FILES; f++) {
        for (int k = 0; k < TXNS_PER_FILE; k++, i++) {
          TxnHeader hdr = new TxnHeader(txns.clientId(i), txns.cxid(i), txns.zxid(i), txns.time(i), SetDataTxns.SET_DATA);
          log.append(new Request(hdr.getClientId(), hdr.getCxid(), hdr.getType(), hdr, bodies[txns.body(i)], hdr.getZxid()));
          if (k % 1000 == 999) {
            log.commit();
          }
        }
        log.commit();
        log.rollLog();
      }
    } finally {
      log.close();
    }
  }

  /**
   * Bytes of data in a data dir: each log up to the end of its last entry (the zero-filled, sparse
   * preallocated tail left out), every other file whole. Throughput figures divide this by time.
   */
  public static long dataBytes(Path dataDir) {
    long n = 0;
    for (Path f : PageCache.files(dataDir)) {
      n += f.getFileName().toString().startsWith("log.") ? LogScan.scanFile(f).bytes() : size(f);
    }
    return n;
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Iterates every log from the first zxid (CRC-checked, each txn deserialized) and loads the newest valid
   * snapshot; items are txns read, bytes the snapshot's znodes, fingerprint the last zxid read.
   */
  public static Work verify(Path dataDir) throws IOException {
    File v2 = dataDir.resolve("version-2").toFile();
    long txns = 0;
    long last = -1;
    try (TxnLog.TxnIterator it = new FileTxnLog(v2).read(0)) {
      while (it.getHeader() != null) {
        if (it.getTxn() == null) {
          throw new IOException("ZooKeeper read no body for zxid 0x" + Long.toHexString(it.getHeader().getZxid()));
        }
        txns++;
        last = it.getHeader().getZxid();
        if (!it.next()) {
          break;
        }
      }
    }
    DataTree dt = new DataTree();
    long snapZxid = new FileSnap(v2).deserialize(dt, new HashMap<>());
    if (snapZxid < 0) {
      throw new IOException("ZooKeeper found no valid snapshot in " + v2);
    }
    long nodes = dt.getNode("/") == dt.getNode("") ? dt.getNodeCount() - 1 : dt.getNodeCount();
    return new Work(txns, nodes, last);
  }
}
