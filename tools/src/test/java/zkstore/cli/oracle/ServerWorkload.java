package zkstore.cli.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import zkstore.prep.Request;

/**
 * A seeded random client workload against a running server, through ZooKeeper 3.9.3's client: creates of every
 * node type the server has, data changes, deletes, ACL changes and multis, many of which fail on purpose (wrong
 * version, missing parent, no permission, a child of an ephemeral), so the log holds error txns too; three
 * sessions, one closed half-way and replaced, one the operator's (its CREATOR_ALL_ACL creates get its digest).
 */
public final class ServerWorkload {
  /** What the server under test supports beyond 3.4: containers, TTL nodes (extended types on), create2. */
  public record Features(boolean containers, boolean ttl, boolean create2) {
    public static final Features V3_4 = new Features(false, false, false);
    public static final Features V3_5_ON = new Features(true, true, true);
  }

  /** A request as it was sent, in zkstore's terms: by session {@code sessionId}, in the order of the server's log. */
  public record Sent(long sessionId, Request request) {}

  // Mutable lists: the client's ACL check calls contains(null), which an immutable list refuses.
  private static final List<ACL> IP_ALL =
      new ArrayList<>(List.of(new ACL(ZooDefs.Perms.ALL, new Id("ip", "127.0.0.1"))));
  private static final List<ACL> WORLD_READ_WRITE =
      new ArrayList<>(List.of(new ACL(ZooDefs.Perms.READ | ZooDefs.Perms.WRITE, ZooDefs.Ids.ANYONE_ID_UNSAFE)));
  /** A loopback range and an explicit digest id: valid, and the digest holder may do anything. */
  private static final List<ACL> RANGE_AND_DIGEST = new ArrayList<>(List.of(
      new ACL(ZooDefs.Perms.READ | ZooDefs.Perms.CREATE, new Id("ip", "127.0.0.0/8")),
      new ACL(ZooDefs.Perms.ALL, new Id("digest", "someone:Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MDE="))));
  /** Refused by the server with InvalidACL: a scheme no provider knows, an ip id that is not an address. */
  private static final List<ACL> INVALID = new ArrayList<>(List.of(
      new ACL(ZooDefs.Perms.ALL, new Id("nosuchscheme", "x")), new ACL(ZooDefs.Perms.READ, new Id("ip", "not-an-ip"))));

  private final ZooKeeperServerProcess server;
  private final Random random;
  private final Features features;
  private final List<ZooKeeper> sessions = new ArrayList<>();
  private final List<Sent> journal = new ArrayList<>();
  /** Paths that existed when last seen; some are gone (deleted, an expired owner's ephemerals). */
  private final List<String> known = new ArrayList<>();
  private int failures;

  public ServerWorkload(ZooKeeperServerProcess server, long seed, Features features) {
    this.server = server;
    this.random = new Random(seed);
    this.features = features;
  }

  /**
   * Runs {@code ops} more operations (the first call opens the sessions and creates {@code /w}) and returns the
   * operator's session, which reads every node. The sessions stay open, so a crash of the server leaves their
   * ephemerals in its data dir.
   */
  public ZooKeeper run(int ops) throws IOException, InterruptedException, KeeperException {
    if (sessions.isEmpty()) {
      sessions.add(connected(server.connect()));
      sessions.add(connected(server.connectAsOperator()));
      sessions.add(connected(server.connect()));
      create(sessions.get(0), "/w", "root of the workload".getBytes(StandardCharsets.UTF_8),
          ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
      known.add("/w");
      quota("/w");
    }
    int failuresBefore = failures;
    for (int i = 0; i < ops; i++) {
      if (i == ops / 2) {
        journal.add(new Sent(sessions.get(2).getSessionId(), new Request.CloseSession()));
        sessions.get(2).close();
        sessions.set(2, connected(server.connect()));
      }
      try {
        step(sessions.get(random.nextInt(sessions.size())));
      } catch (KeeperException e) {
        failures++;
      }
    }
    if (failures == failuresBefore || failures - failuresBefore == ops) {
      throw new IllegalStateException("a workload should have some failed and some applied ops: "
          + (failures - failuresBefore) + " of " + ops + " failed");
    }
    return sessions.get(1);
  }

  /**
   * Puts a quota on {@code path} as zkCli's setquota does: the limits node, then the stats node, whose creation
   * makes the server count the subtree; from then on every change below {@code path} updates the stats node.
   */
  private void quota(String path) throws KeeperException, InterruptedException {
    ZooKeeper zk = sessions.get(0);
    String quotaPath = "/zookeeper/quota" + path;
    create(zk, quotaPath, null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    create(zk, quotaPath + "/zookeeper_limits", "count=100000,bytes=100000000".getBytes(StandardCharsets.UTF_8),
        ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    create(zk, quotaPath + "/zookeeper_stats", "count=0,bytes=0".getBytes(StandardCharsets.UTF_8),
        ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
  }

  /** The session id of the operator (the server's super user, also authenticated by its digest). */
  public long operatorSessionId() {
    return sessions.get(1).getSessionId();
  }

  /** What was sent so far, in the order the server logged it (one client thread, each call awaited). */
  public List<Sent> journal() {
    return List.copyOf(journal);
  }

  private ZooKeeper connected(ZooKeeper zk) {
    journal.add(new Sent(zk.getSessionId(), new Request.CreateSession(zk.getSessionTimeout())));
    return zk;
  }

  private void send(ZooKeeper zk, Request request) {
    journal.add(new Sent(zk.getSessionId(), request));
  }

  private String create(ZooKeeper zk, String path, byte[] data, List<ACL> acl, CreateMode mode)
      throws KeeperException, InterruptedException {
    send(zk, JournalRequests.create(path, data, acl, mode, -1, false));
    return zk.create(path, data, acl, mode);
  }

  /** Sets {@code /w}'s data and returns the zxid of that txn: every txn up to it has been applied. */
  public long mark() throws KeeperException, InterruptedException {
    return setData(sessions.get(0), "/w", "mark".getBytes(StandardCharsets.UTF_8), -1).getMzxid();
  }

  private Stat setData(ZooKeeper zk, String path, byte[] data, int version)
      throws KeeperException, InterruptedException {
    send(zk, new Request.SetData(path, data, version));
    return zk.setData(path, data, version);
  }

  private void step(ZooKeeper zk) throws KeeperException, InterruptedException {
    int kind = random.nextInt(100);
    if (kind < 40) {
      create(zk);
    } else if (kind < 62) {
      setData(zk, pick(), data(), random.nextInt(4) == 0 ? random.nextInt(3) : -1);
    } else if (kind < 70) {
      String p = pickBelowRoot();
      int version = random.nextInt(3) == 0 ? random.nextInt(2) : -1;
      send(zk, new Request.Delete(p, version));
      zk.delete(p, version);
      known.remove(p);
    } else if (kind < 78) {
      String p = pickBelowRoot();
      List<ACL> acl = acl();
      int version = random.nextInt(3) == 0 ? random.nextInt(2) : -1;
      send(zk, new Request.SetAcl(p, JournalRequests.acl(acl), version));
      zk.setACL(p, acl, version);
    } else if (kind < 94) {
      multi(zk);
    } else {
      byte[] big = new byte[20_000 + random.nextInt(60_000)];
      random.nextBytes(big);
      setData(zk, pick(), big, -1);
    }
  }

  private void create(ZooKeeper zk) throws KeeperException, InterruptedException {
    String path = pick() + "/n" + random.nextInt(40);
    CreateMode mode = mode();
    byte[] data = data();
    List<ACL> acl = acl();
    String created;
    if (mode.isTTL()) {
      long ttl = 3_600_000L + random.nextInt(1000);
      send(zk, JournalRequests.create(path, data, acl, mode, ttl, true));
      created = zk.create(path, data, acl, mode, new Stat(), ttl);
    } else if (features.create2() && random.nextBoolean()) {
      send(zk, JournalRequests.create(path, data, acl, mode, -1, true));
      created = zk.create(path, data, acl, mode, new Stat());
    } else {
      created = create(zk, path, data, acl, mode);
    }
    known.add(created);
  }

  private void multi(ZooKeeper zk) throws KeeperException, InterruptedException {
    List<Op> ops = new ArrayList<>();
    List<Request> sent = new ArrayList<>();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(4)) {
        case 0 -> {
          String path = pick() + "/m" + random.nextInt(30);
          byte[] data = data();
          CreateMode mode = mode();
          long ttl = mode.isTTL() ? 600_000L + random.nextInt(1000) : -1;
          ops.add(mode.isTTL() ? Op.create(path, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, mode, ttl)
              : Op.create(path, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, mode));
          sent.add(JournalRequests.create(path, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, mode, ttl, false));
        }
        case 1 -> {
          String path = pick();
          byte[] data = data();
          ops.add(Op.setData(path, data, -1));
          sent.add(new Request.SetData(path, data, -1));
        }
        case 2 -> {
          String path = pickBelowRoot();
          ops.add(Op.delete(path, -1));
          sent.add(new Request.Delete(path, -1));
        }
        default -> {
          String path = pick();
          int version = random.nextBoolean() ? -1 : random.nextInt(2);
          ops.add(Op.check(path, version));
          sent.add(new Request.Check(path, version));
        }
      }
    }
    send(zk, new Request.Multi(sent));
    for (OpResult r : zk.multi(ops)) {
      if (r instanceof OpResult.CreateResult c) {
        known.add(c.getPath());
      }
    }
  }

  private CreateMode mode() {
    List<CreateMode> modes = new ArrayList<>(List.of(CreateMode.PERSISTENT, CreateMode.PERSISTENT_SEQUENTIAL,
        CreateMode.EPHEMERAL, CreateMode.EPHEMERAL_SEQUENTIAL));
    if (features.containers()) {
      modes.add(CreateMode.CONTAINER);
    }
    if (features.ttl()) {
      modes.add(CreateMode.PERSISTENT_WITH_TTL);
      modes.add(CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL);
    }
    return modes.get(random.nextInt(modes.size()));
  }

  private List<ACL> acl() {
    return switch (random.nextInt(9)) {
      case 0 -> ZooDefs.Ids.READ_ACL_UNSAFE;
      case 1 -> ZooDefs.Ids.CREATOR_ALL_ACL;
      case 2 -> IP_ALL;
      case 3 -> WORLD_READ_WRITE;
      case 4 -> RANGE_AND_DIGEST;
      case 5 -> INVALID;
      default -> ZooDefs.Ids.OPEN_ACL_UNSAFE;
    };
  }

  private byte[] data() {
    if (random.nextInt(20) == 0) {
      return null;
    }
    byte[] b = new byte[random.nextInt(120)];
    random.nextBytes(b);
    return b;
  }

  private String pick() {
    return known.get(random.nextInt(known.size()));
  }

  /** A known path other than {@code /w}, which stays, open to all, so that creates keep finding a parent. */
  private String pickBelowRoot() {
    String p = pick();
    return p.equals("/w") ? "/w/never-created" : p;
  }
}
