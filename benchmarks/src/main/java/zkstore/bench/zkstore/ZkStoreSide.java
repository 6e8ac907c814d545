package zkstore.bench.zkstore;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import zkstore.bench.harness.Fingerprint;
import zkstore.bench.harness.Side;
import zkstore.bench.harness.StoreSide;
import zkstore.bench.harness.Work;
import zkstore.bench.workload.SetDataTxns;
import zkstore.bench.workload.TreeOp;
import zkstore.bench.workload.Znodes;
import zkstore.cli.ZkStoreCli;
import zkstore.engine.EngineConfig;
import zkstore.engine.StoreRestore;
import zkstore.record.Acl;
import zkstore.record.CreateTxn;
import zkstore.record.DeleteTxn;
import zkstore.record.SetDataTxn;
import zkstore.record.TxnBody;
import zkstore.record.TxnHeader;
import zkstore.record.TxnRecord;
import zkstore.snapshot.SnapshotFile;
import zkstore.snapshot.SnapshotFiles;
import zkstore.snapshot.SnapshotWriter;
import zkstore.snapshot.TreeSnapshots;
import zkstore.tree.DataTree;
import zkstore.tree.TxnResult;
import zkstore.txnlog.Durability;
import zkstore.txnlog.TxnLogConfig;
import zkstore.txnlog.TxnLogReader;
import zkstore.txnlog.TxnLogWriter;

/** zkstore's modules performing each benchmarked operation. */
public final class ZkStoreSide implements StoreSide {

  @Override
  public Side side() {
    return Side.ZKSTORE;
  }

  @Override
  public LogWriter openLog(Path dir, SetDataTxns txns, LogSettings settings) throws IOException {
    TxnLogConfig config = TxnLogConfig.inLogDir(dir).withPreallocBytes(settings.preallocBytes())
        .withDurability(settings.force() ? Durability.FORCE : Durability.NO_FORCE)
        .withEarlyWriteback(settings.earlyWriteback());
    TxnLogWriter log = TxnLogWriter.open(config);
    SetDataTxn[] bodies = new SetDataTxn[txns.targets()];
    for (int i = 0; i < bodies.length; i++) {
      bodies[i] = new SetDataTxn(txns.path(i), txns.data(i), txns.version(i));
    }
    return new LogWriter() {
      @Override
      public void append(long i) throws IOException {
        TxnHeader hdr = new TxnHeader(txns.clientId(i), txns.cxid(i), txns.zxid(i), txns.time(i), SetDataTxns.SET_DATA);
        log.append(new TxnRecord(hdr, bodies[txns.body(i)], null));
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
    Path logs = Files.isDirectory(dir.resolve("version-2")) ? dir.resolve("version-2") : dir;
    long items = 0;
    long bytes = 0;
    long fingerprint = 0;
    try (TxnLogReader reader = TxnLogReader.open(logs, 0)) {
      while (reader.next()) {
        TxnRecord r = reader.record();
        TxnHeader h = r.header();
        SetDataTxn body = (SetDataTxn) r.body();
        items++;
        bytes += body.data().length;
        fingerprint = Fingerprint.txn(fingerprint, h.zxid(), h.clientId(), h.cxid(), h.time(), h.type(),
            body.path().length(), body.data().length, body.version());
      }
    }
    return new Work(items, bytes, fingerprint);
  }

  @Override
  public Tree buildTree(Znodes znodes) {
    DataTree tree = new DataTree();
    long zxid = Znodes.FIRST_ZXID;
    create(tree, "/benchmark", new byte[0], zxid);
    for (int g = 0; g < Znodes.GROUPS; g++) {
      create(tree, Znodes.groupPath(g), new byte[0], ++zxid);
    }
    for (int i = 0; i < znodes.count(); i++) {
      create(tree, Znodes.leafPath(i), znodes.leafData(i), ++zxid);
    }
    for (int k = 0; k < Znodes.SESSIONS; k++) {
      tree.putSession(Znodes.sessionId(k), Znodes.SESSION_TIMEOUT_MS);
    }
    return new ZksTree(tree);
  }

  private static void create(DataTree tree, String path, byte[] data, long zxid) {
    TxnHeader h = new TxnHeader(0, 0, zxid, Znodes.BASE_TIME + zxid, TreeOp.CREATE);
    TxnResult r = tree.apply(new TxnRecord(h, new CreateTxn(path, data, Acl.OPEN_ACL_UNSAFE, false, -1), null));
    if (!r.ok()) {
      throw new IllegalStateException("zkstore rejected create " + path + ": err " + r.err());
    }
  }

  @Override
  public PreparedOps prepare(List<TreeOp> ops) {
    List<TxnRecord> records = new ArrayList<>(ops.size());
    for (TreeOp op : ops) {
      TxnHeader h = new TxnHeader(op.clientId(), op.cxid(), op.zxid(), op.time(), op.type());
      TxnBody body = switch (op.type()) {
        case TreeOp.CREATE -> new CreateTxn(op.path(), op.data(), Acl.OPEN_ACL_UNSAFE, false, op.parentCVersion());
        case TreeOp.SET_DATA -> new SetDataTxn(op.path(), op.data(), op.version());
        case TreeOp.DELETE -> new DeleteTxn(op.path());
        default -> throw new IllegalArgumentException("op type " + op.type());
      };
      records.add(new TxnRecord(h, body, null));
    }
    return new ZksOps(records);
  }

  @Override
  public void apply(Tree tree, PreparedOps ops) {
    DataTree t = ((ZksTree) tree).tree;
    for (TxnRecord r : ((ZksOps) ops).records) {
      TxnResult result = t.apply(r);
      if (!result.ok()) {
        throw new IllegalStateException("zkstore rejected txn zxid 0x" + Long.toHexString(r.zxid()) + ": err "
            + result.err());
      }
    }
  }

  @Override
  public Path writeSnapshot(Tree tree, Path dir) throws IOException {
    return TreeSnapshots.write(dir, ((ZksTree) tree).tree, new SnapshotWriter()).file().path();
  }

  @Override
  public Tree readSnapshot(Path dir) throws IOException {
    List<SnapshotFile> files = SnapshotFiles.listNewestFirst(dir);
    if (files.isEmpty()) {
      throw new IOException("no snapshot in " + dir);
    }
    return new ZksTree(TreeSnapshots.load(files.get(0).path()).tree());
  }

  /** Restores through the engine's restore policy (newest verified snapshot plus idempotent replay). */
  @Override
  public Tree restore(Path dataDir) throws IOException {
    return new ZksTree(StoreRestore.latest(EngineConfig.of(dataDir)).tree());
  }

  @Override
  public void dumpLog(Path logFile, PrintStream out) {
    PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
    StringWriter err = new StringWriter();
    int code = ZkStoreCli.run(writer, new PrintWriter(err), "log", "dump", logFile.toString());
    writer.flush();
    if (code != 0) {
      throw new IllegalStateException("zkstore log dump exited " + code + ": " + err);
    }
  }

  /** zkstore's tree behind the neutral view. */
  static final class ZksTree implements Tree {
    final DataTree tree;

    ZksTree(DataTree tree) {
      this.tree = tree;
    }

    @Override
    public long digest() {
      return tree.digest();
    }

    @Override
    public long nodeCount() {
      return tree.nodeCount();
    }

    @Override
    public long lastZxid() {
      return tree.lastProcessedZxid();
    }
  }

  private record ZksOps(List<TxnRecord> records) implements PreparedOps {
    @Override
    public int size() {
      return records.size();
    }
  }
}
