package zkstore.cli.oracle;

import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.data.ACL;
import zkstore.prep.Request;
import zkstore.record.Acl;
import zkstore.record.Id;

/** ZooKeeper client arguments as zkstore's requests, so a workload can note what it sent in zkstore's terms. */
final class JournalRequests {
  private JournalRequests() {}

  static List<Acl> acl(List<ACL> acl) {
    List<Acl> out = new ArrayList<>();
    for (ACL a : acl) {
      out.add(new Acl(a.getPerms(), new Id(a.getId().getScheme(), a.getId().getId())));
    }
    return out;
  }

  /** A create as the 3.9 client sends it: createTTL for TTL modes, create2 when a Stat is asked for. */
  static Request.Create create(String path, byte[] data, List<ACL> acl, CreateMode mode, long ttl, boolean withStat) {
    return new Request.Create(path, data, acl(acl), zkstore.prep.CreateMode.valueOf(mode.name()),
        mode.isTTL() ? ttl : -1, withStat && !mode.isTTL() && !mode.isContainer());
  }
}
