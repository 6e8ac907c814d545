package zkstore.bench.zookeeper;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Scanner;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jute.Record;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.server.DataTree;
import org.apache.zookeeper.server.Request;
import org.apache.zookeeper.server.persistence.FileSnap;
import org.apache.zookeeper.server.persistence.FileTxnLog;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;
import org.apache.zookeeper.server.persistence.TxnLog;
import org.apache.zookeeper.server.persistence.TxnLogToolkit;
import org.apache.zookeeper.txn.CreateTxn;
import org.apache.zookeeper.txn.DeleteTxn;
import org.apache.zookeeper.txn.SetDataTxn;
import org.apache.zookeeper.txn.TxnHeader;
import zkstore.bench.harness.Fingerprint;
import zkstore.bench.harness.Side;
import zkstore.bench.harness.StoreSide;
import zkstore.bench.harness.Work;
import zkstore.bench.workload.SetDataTxns;
import zkstore.bench.workload.TreeOp;
import zkstore.bench.workload.Znodes;

/** Apache ZooKeeper 3.9.3's own classes performing each benchmarked operation. */
public final class ZooKeeperSide implements StoreSide {
  @Override
  public Side side() {
    return Side.ZOOKEEPER;
  }

  @Override
  public LogWriter openLog(Path dir, SetDataTxns txns, LogSettings settings) {
    // FileTxnLog reads forceSync in its constructor and the preallocation size from a static.
    System.setProperty("zookeeper.forceSync", settings.force() ? "yes" : "no");
    FileTxnLog.setPreallocSize(settings.preallocBytes());
    FileTxnLog log = new FileTxnLog(dir.toFile());
    SetDataTxn[] bodies = new SetDataTxn[txns.targets()];
    for (int i = 0; i < bodies.length; i++) {
      bodies[i] = new SetDataTxn(txns.path(i), txns.data(i), txns.version(i));
    }
    return new LogWriter() {
      @Override
      public void append(long i) throws IOException {
        TxnHeader hdr = new TxnHeader(txns.clientId(i), txns.cxid(i), txns.zxid(i), txns.time(i), SetDataTxns.SET_DATA);
        log.append(new Request(hdr.getClientId(), hdr.getCxid(), hdr.getType(), hdr, bodies[txns.body(i)],
            hdr.getZxid()));
      }

      @Override
      public void commit() throws IOException {
        log.commit();
      }

      @Override
      public void close() throws IOException {
        log.close();
      }
    };
  }

  @Override
  public Work readLog(Path dir) throws IOException {
    File logs = dir.resolve("version-2").toFile().isDirectory() ? dir.resolve("version-2").toFile() : dir.toFile();
    long items = 0;
    long bytes = 0;
    long fingerprint = 0;
    try (TxnLog.TxnIterator it = new FileTxnLog(logs).read(0)) {
      while (it.getHeader() != null) {
        TxnHeader h = it.getHeader();
        SetDataTxn body = (SetDataTxn) it.getTxn();
        items++;
        bytes += body.getData().length;
        fingerprint = Fingerprint.txn(fingerprint, h.getZxid(), h.getClientId(), h.getCxid(), h.getTime(), h.getType(),
            body.getPath().length(), body.getData().length, body.getVersion());
        if (!it.next()) {
          break;
        }
      }
    }
    return new Work(items, bytes, fingerprint);
  }

  @Override
  public Tree buildTree(Znodes znodes) {
    DataTree dt = new DataTree();
    long zxid = Znodes.FIRST_ZXID;
    try {
      dt.createNode("/benchmark", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, 0, -1, zxid, Znodes.BASE_TIME + zxid);
      for (int g = 0; g < Znodes.GROUPS; g++) {
        zxid++;
        dt.createNode(Znodes.groupPath(g), new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, 0, -1, zxid, Znodes.BASE_TIME + zxid);
      }
      for (int i = 0; i < znodes.count(); i++) {
        zxid++;
        dt.createNode(Znodes.leafPath(i), znodes.leafData(i), ZooDefs.Ids.OPEN_ACL_UNSAFE, 0, -1, zxid,
            Znodes.BASE_TIME + zxid);
      }
    } catch (Exception e) {
      throw new IllegalStateException("building ZooKeeper's tree failed at zxid 0x" + Long.toHexString(zxid), e);
    }
    dt.lastProcessedZxid = zxid;
    return new ZkTree(dt);
  }

  @Override
  public PreparedOps prepare(List<TreeOp> ops) {
    List<TxnHeader> headers = new ArrayList<>(ops.size());
    List<Record> bodies = new ArrayList<>(ops.size());
    for (TreeOp op : ops) {
      headers.add(new TxnHeader(op.clientId(), op.cxid(), op.zxid(), op.time(), op.type()));
      bodies.add(switch (op.type()) {
        case TreeOp.CREATE -> new CreateTxn(op.path(), op.data(), ZooDefs.Ids.OPEN_ACL_UNSAFE, false, op.parentCVersion());
        case TreeOp.SET_DATA -> new SetDataTxn(op.path(), op.data(), op.version());
        case TreeOp.DELETE -> new DeleteTxn(op.path());
        default -> throw new IllegalArgumentException("op type " + op.type());
      });
    }
    return new ZkOps(headers, bodies);
  }

  @Override
  public void apply(Tree tree, PreparedOps ops) {
    DataTree dt = ((ZkTree) tree).dt;
    ZkOps z = (ZkOps) ops;
    for (int k = 0; k < z.headers.size(); k++) {
      DataTree.ProcessTxnResult r = dt.processTxn(z.headers.get(k), z.bodies.get(k));
      if (r.err != 0) {
        throw new IllegalStateException("ZooKeeper rejected txn zxid 0x" + Long.toHexString(r.zxid) + ": err " + r.err);
      }
    }
  }

  @Override
  public Path writeSnapshot(Tree tree, Path dir) throws IOException {
    DataTree dt = ((ZkTree) tree).dt;
    File file = dir.resolve("snapshot." + Long.toHexString(tree.lastZxid())).toFile();
    new FileSnap(dir.toFile()).serialize(dt, sessions(), file, true);
    return file.toPath();
  }

  @Override
  public Tree readSnapshot(Path dir) throws IOException {
    DataTree dt = new DataTree();
    long zxid = new FileSnap(dir.toFile()).deserialize(dt, new HashMap<>());
    if (zxid < 0) {
      throw new IOException("no valid snapshot in " + dir);
    }
    return new ZkTree(dt);
  }

  @Override
  public Tree restore(Path dataDir) throws IOException {
    DataTree dt = new DataTree();
    FileTxnSnapLog snapLog = new FileTxnSnapLog(dataDir.toFile(), dataDir.toFile());
    try {
      snapLog.restore(dt, new HashMap<>(), (hdr, txn, digest) -> { });
    } finally {
      snapLog.close();
    }
    return new ZkTree(dt);
  }

  @Override
  public void dumpLog(Path logFile, PrintStream out) throws Exception {
    PrintStream saved = System.out;
    System.setOut(out);
    try (TxnLogToolkit toolkit = new TxnLogToolkit(false, false, logFile.toString(), false)) {
      toolkit.dump(new Scanner(""));
    } finally {
      System.setOut(saved);
    }
  }

  /** The sessions every snapshot carries. */
  static ConcurrentHashMap<Long, Integer> sessions() {
    ConcurrentHashMap<Long, Integer> m = new ConcurrentHashMap<>();
    for (int k = 0; k < Znodes.SESSIONS; k++) {
      m.put(Znodes.sessionId(k), Znodes.SESSION_TIMEOUT_MS);
    }
    return m;
  }

  /** ZooKeeper's DataTree behind the neutral view. */
  public static final class ZkTree implements Tree {
    final DataTree dt;

    ZkTree(DataTree dt) {
      this.dt = dt;
    }

    public DataTree dataTree() {
      return dt;
    }

    @Override
    public long digest() {
      return dt.getTreeDigest();
    }

    @Override
    public long nodeCount() {
      // ZooKeeper maps the root under both "" and "/"; count distinct znodes.
      return dt.getNode("/") == dt.getNode("") ? dt.getNodeCount() - 1 : dt.getNodeCount();
    }

    @Override
    public long lastZxid() {
      return dt.lastProcessedZxid;
    }
  }

  private record ZkOps(List<TxnHeader> headers, List<Record> bodies) implements PreparedOps {
    @Override
    public int size() {
      return headers.size();
    }
  }
}
