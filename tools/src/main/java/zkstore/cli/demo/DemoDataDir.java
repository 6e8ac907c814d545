package zkstore.cli.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import zkstore.cli.datadir.DataDirLayout;
import zkstore.prep.ClientContext;
import zkstore.prep.CreateMode;
import zkstore.prep.Prepared;
import zkstore.prep.PrepOptions;
import zkstore.prep.Request;
import zkstore.prep.RequestPreparer;
import zkstore.record.Acl;
import zkstore.record.Id;
import zkstore.record.Perms;
import zkstore.engine.EngineConfig;
import zkstore.engine.StorageEngine;
import zkstore.tree.DataTree;
import zkstore.txnlog.Durability;

/**
 * Builds a realistic ZooKeeper 3.9 data directory: three sessions, persistent, ephemeral, sequential,
 * container and TTL nodes, ACLs, multis (one failing), error txns, a closed session, three snapshots and
 * several log files, written through the storage engine. Requests are prepared by zkstore.prep against a
 * shadow tree, as a server's PrepRequestProcessor would, and the engine logs and applies each txn.
 */
public final class DemoDataDir {
  /** Epoch ms of the first txn: 2026-11-22T00:00:00Z; each request is 250 ms later. */
  private static final long START_MS = 1_795_305_600_000L;

  /** What was built: the directory and a zxid from the middle (for the point-in-time restore). */
  public record Built(Path dataDir, long lastZxid, long middleZxid, int snapshots, int logs) {}

  private final DataTree tree = new DataTree();
  private final long[] clock = {START_MS};
  private final RequestPreparer prep = new RequestPreparer(tree, PrepOptions.DEFAULT, () -> clock[0] += 250);
  private final DataDirLayout layout;
  private final EngineConfig config;
  private StorageEngine engine;
  private int cxid;

  private DemoDataDir(DataDirLayout layout, Path dataDir) throws IOException {
    this.layout = layout;
    this.config = EngineConfig.of(dataDir).withEmptyStart(true).withSnapCount(24).withRollSeed(7L)
        .withDurability(Durability.NO_FORCE);
    this.engine = StorageEngine.open(config);
  }

  /** Builds the directory under {@code dataDir} (created; must be empty). */
  public static Built build(Path dataDir) throws IOException {
    DemoDataDir d = new DemoDataDir(DataDirLayout.forOutput(dataDir), dataDir);
    try {
      return d.run(dataDir);
    } finally {
      d.engine.close();
    }
  }

  private Built run(Path dataDir) throws IOException {
    ClientContext a = session(0x1000000a1b20001L, 30_000);
    ClientContext b = session(0x1000000a1b20002L, 10_000);
    List<Acl> adminOnly = List.of(new Acl(Perms.ALL, new Id("digest", "admin:tY2m5Xq6Yz3sFq0uE7cBn1pWd8k=")),
        new Acl(Perms.READ, Id.ANYONE));
    send(a, new Request.Create("/app", text("orders service"), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
    send(a, new Request.Create("/app/config", text("{\"replicas\":3,\"region\":\"eu-west\"}"), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
    send(a, new Request.Create("/app/workers", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
    for (int i = 0; i < 3; i++) {
      send(b, new Request.Create("/app/workers/w-", text("host-" + i + ":8080"), Acl.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL));
    }
    send(a, new Request.Create("/locks", null, Acl.OPEN_ACL_UNSAFE, CreateMode.CONTAINER));
    send(a, new Request.Create("/locks/lock-", new byte[0], Acl.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL));
    send(a, new Request.Create("/leases", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
    send(a, new Request.Create("/leases/lease-1", text("holder=a"), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, 60_000, false));
    send(a, new Request.SetData("/app/config", text("{\"replicas\":5,\"region\":\"eu-west\"}"), -1));
    send(a, new Request.SetData("/app/config", new byte[] {0, 1, 2, 3, (byte) 0xfe, (byte) 0xff}, -1));
    send(a, new Request.Multi(List.of(
        new Request.Create("/app/jobs", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
        new Request.Create("/app/jobs/job-", text("resize"), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL),
        new Request.Check("/app", 0))));
    send(a, new Request.Multi(List.of(
        new Request.Create("/app/jobs/job-", text("retry"), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL),
        new Request.Create("/app", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT))));
    send(a, new Request.Create("/app", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
    for (int i = 0; i < 20; i++) {
      String path = "/app/counters" + (i == 0 ? "" : "/c-" + (i % 5));
      if (i <= 5) {
        send(a, new Request.Create(path, text("0"), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
      } else {
        send(a, new Request.SetData(path, text(Integer.toString(i)), -1));
      }
    }
    send(a, new Request.SetAcl("/app/config", adminOnly, -1));
    send(b, new Request.SetData("/app/config", text("denied"), -1));
    send(a, new Request.Delete("/app/counters/c-4", -1));
    send(b, new Request.CloseSession());
    long middle = tree.lastProcessedZxid();
    send(a, new Request.Delete("/locks/lock-0000000000", -1));
    restart();
    ClientContext c = session(0x2000000a1b20003L, 5_000);
    send(c, new Request.Create("/app/workers/w-", text("host-9:8080"), Acl.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL));
    send(c, new Request.SetData("/leases/lease-1", text("holder=c"), -1));
    restart();
    for (int i = 0; i < 10; i++) {
      send(c, new Request.SetData("/app/counters/c-1", text("tick " + i), -1));
    }
    send(c, new Request.DeleteContainer("/locks"));
    engine.commit();
    engine.awaitSnapshots();
    return new Built(dataDir, tree.lastProcessedZxid(), middle,
        zkstore.snapshot.SnapshotFiles.listNewestFirst(layout.snapDir()).size(),
        zkstore.cli.source.LogReading.all(layout.logDir()).size());
  }

  private ClientContext session(long id, int timeoutMs) throws IOException {
    ClientContext client = ClientContext.of(id);
    send(client, new Request.CreateSession(timeoutMs));
    return client;
  }

  private void send(ClientContext client, Request request) throws IOException {
    Prepared p = prep.prepare(client, ++cxid, request);
    engine.apply(p.txn());
  }

  /** A snapshot, then a server restart: the engine closes and reopens, so the next txn starts a new log file. */
  private void restart() throws IOException {
    engine.commit();
    engine.snapshotNow();
    engine.awaitSnapshots();
    engine.close();
    engine = StorageEngine.open(config);
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
