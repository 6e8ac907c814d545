package zkstore.cli.oracle;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.DataNode;
import org.apache.zookeeper.server.DataTree;
import org.apache.zookeeper.server.Request;
import org.apache.zookeeper.server.persistence.FileTxnLog;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;
import org.apache.zookeeper.txn.CloseSessionTxn;
import org.apache.zookeeper.txn.CreateContainerTxn;
import org.apache.zookeeper.txn.CreateSessionTxn;
import org.apache.zookeeper.txn.CreateTTLTxn;
import org.apache.zookeeper.txn.CreateTxn;
import org.apache.zookeeper.txn.DeleteTxn;
import org.apache.zookeeper.txn.ErrorTxn;
import org.apache.zookeeper.txn.MultiTxn;
import org.apache.zookeeper.txn.SetACLTxn;
import org.apache.zookeeper.txn.SetDataTxn;
import org.apache.zookeeper.txn.Txn;
import org.apache.zookeeper.txn.TxnDigest;
import org.apache.zookeeper.txn.TxnHeader;

/**
 * Writes a data directory with ZooKeeper 3.9.3's own FileTxnSnapLog, preparing txns the way its
 * PrepRequestProcessor does (resulting versions, parent cversion + 1, sequential suffixes, digests).
 */
public final class ZkDataDirWriter implements Closeable {
  static {
    FileTxnLog.setPreallocSize(16 * 1024);
  }

  public static final List<ACL> OPEN = ZooDefs.Ids.OPEN_ACL_UNSAFE;
  public static final List<ACL> DIGEST = List.of(new ACL(ZooDefs.Perms.ALL, new Id("digest", "admin:x1/ab,c=")),
      new ACL(ZooDefs.Perms.READ, new Id("world", "anyone")));

  private final FileTxnSnapLog snapLog;
  private final DataTree tree = new DataTree();
  private final ConcurrentHashMap<Long, Integer> sessions = new ConcurrentHashMap<>();
  private long zxid;
  private long time = 1_790_000_000_000L;
  private int cxid;

  public ZkDataDirWriter(Path dataDir) throws IOException {
    snapLog = new FileTxnSnapLog(dataDir.toFile(), dataDir.toFile());
  }

  public DataTree tree() {
    return tree;
  }

  public long zxid() {
    return zxid;
  }

  public long createSession(long id, int timeout) throws IOException {
    append(id, 0, ZooDefs.OpCode.createSession, new CreateSessionTxn(timeout), true);
    sessions.put(id, timeout);
    return id;
  }

  public void closeSession(long id) throws IOException {
    List<String> eph = new ArrayList<>(tree.getEphemerals(id));
    append(id, 0, ZooDefs.OpCode.closeSession, new CloseSessionTxn(eph), true);
    sessions.remove(id);
  }

  public String create(long session, String path, String data, List<ACL> acl, boolean ephemeral, boolean sequential) throws IOException {
    String parent = parentOf(path);
    int pcv = tree.getNode(parent).stat.getCversion() + 1;
    String real = sequential ? path + String.format("%010d", pcv - 1) : path;
    append(session, ++cxid, ZooDefs.OpCode.create2, new CreateTxn(real, bytes(data), acl, ephemeral, pcv), true);
    return real;
  }

  public void createPlain(long session, String path, String data) throws IOException {
    int pcv = tree.getNode(parentOf(path)).stat.getCversion() + 1;
    append(session, ++cxid, ZooDefs.OpCode.create, new CreateTxn(path, bytes(data), OPEN, false, pcv), true);
  }

  public void createContainer(long session, String path) throws IOException {
    int pcv = tree.getNode(parentOf(path)).stat.getCversion() + 1;
    append(session, ++cxid, ZooDefs.OpCode.createContainer, new CreateContainerTxn(path, null, OPEN, pcv), true);
  }

  public void createTtl(long session, String path, String data, long ttl) throws IOException {
    int pcv = tree.getNode(parentOf(path)).stat.getCversion() + 1;
    append(session, ++cxid, ZooDefs.OpCode.createTTL, new CreateTTLTxn(path, bytes(data), OPEN, pcv, ttl), true);
  }

  public void setData(long session, String path, byte[] data) throws IOException {
    int v = tree.getNode(path).stat.getVersion() + 1;
    append(session, ++cxid, ZooDefs.OpCode.setData, new SetDataTxn(path, data, v), true);
  }

  public void setAcl(long session, String path, List<ACL> acl) throws IOException {
    int v = tree.getNode(path).stat.getAversion() + 1;
    append(session, ++cxid, ZooDefs.OpCode.setACL, new SetACLTxn(path, acl, v), true);
  }

  public void delete(long session, String path) throws IOException {
    append(session, ++cxid, ZooDefs.OpCode.delete, new DeleteTxn(path), true);
  }

  public void deleteContainer(String path) throws IOException {
    append(0, 0, ZooDefs.OpCode.deleteContainer, new DeleteTxn(path), true);
  }

  /** A failed plain write: logged as an error entry without a digest, as 3.9.3 does. */
  public void error(long session, int code) throws IOException {
    append(session, ++cxid, ZooDefs.OpCode.error, new ErrorTxn(code), false);
  }

  /** A successful multi: create a child under {@code parent}, set data on it, check parent version. */
  public void multi(long session, String parent, String child, String data) throws IOException {
    int pcv = tree.getNode(parent).stat.getCversion() + 1;
    String path = parent + "/" + child;
    List<Txn> ops = new ArrayList<>();
    ops.add(sub(ZooDefs.OpCode.create, new CreateTxn(path, bytes("m"), OPEN, false, pcv)));
    ops.add(sub(ZooDefs.OpCode.setData, new SetDataTxn(path, bytes(data), 1)));
    ops.add(sub(ZooDefs.OpCode.check, new org.apache.zookeeper.txn.CheckVersionTxn(parent, tree.getNode(parent).stat.getVersion())));
    append(session, ++cxid, ZooDefs.OpCode.multi, new MultiTxn(ops), true);
  }

  /** A failed multi: the first op failed with NODEEXISTS, the later one became runtime inconsistency. */
  public void failedMulti(long session) throws IOException {
    List<Txn> ops = List.of(sub(ZooDefs.OpCode.error, new ErrorTxn(-110)), sub(ZooDefs.OpCode.error, new ErrorTxn(-2)));
    append(session, ++cxid, ZooDefs.OpCode.multi, new MultiTxn(ops), true);
  }

  public void snapshot() throws IOException {
    snapLog.commit();
    snapLog.rollLog();
    snapLog.save(tree, sessions, false);
  }

  public void roll() throws IOException {
    snapLog.commit();
    snapLog.rollLog();
  }

  @Override
  public void close() throws IOException {
    snapLog.commit();
    snapLog.close();
  }

  private void append(long session, int cx, int type, Record body, boolean digest) throws IOException {
    zxid++;
    time += 1000;
    TxnHeader hdr = new TxnHeader(session, cx, zxid, time, type);
    tree.processTxn(hdr, body);
    Request r = new Request(session, cx, type, hdr, body, zxid);
    if (digest) {
      r.setTxnDigest(new TxnDigest(2, tree.getTreeDigest()));
    }
    snapLog.append(r);
  }

  private static Txn sub(int type, Record r) throws IOException {
    ByteArrayOutputStream baos = new ByteArrayOutputStream();
    r.serialize(BinaryOutputArchive.getArchive(baos), "txn");
    return new Txn(type, baos.toByteArray());
  }

  private static String parentOf(String path) {
    int i = path.lastIndexOf('/');
    return i == 0 ? "/" : path.substring(0, i);
  }

  private static byte[] bytes(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  /** A node's children, for walking a ZooKeeper tree. */
  public static List<String> children(DataTree tree, String path) {
    DataNode n = tree.getNode(path);
    return n == null ? List.of() : new ArrayList<>(n.getChildren());
  }
}
