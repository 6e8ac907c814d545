package zkstore.cli.format;

import java.util.List;
import java.util.stream.Collectors;
import zkstore.record.Acl;

/** ACL lists in one human line: {@code cdrwa world:anyone, r digest:u:...}. */
public final class AclText {
  private AclText() {}

  public static String of(List<Acl> acl) {
    if (acl == null) {
      return "null";
    }
    return acl.stream().map(a -> perms(a.perms()) + " " + a.id().scheme() + ":" + a.id().id())
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /** ZooKeeper's letters: c d r w a. */
  public static String perms(int p) {
    StringBuilder sb = new StringBuilder();
    if ((p & 4) != 0) {
      sb.append('c');
    }
    if ((p & 8) != 0) {
      sb.append('d');
    }
    if ((p & 1) != 0) {
      sb.append('r');
    }
    if ((p & 2) != 0) {
      sb.append('w');
    }
    if ((p & 16) != 0) {
      sb.append('a');
    }
    return sb.length() == 0 ? "-" : sb.toString();
  }
}
