package zkstore.cli.source;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import zkstore.record.Acl;
import zkstore.record.StatPersisted;

/** One znode as the tools show it: path, data, persisted stat, resolved ACL, number of children. */
public record NodeView(String path, byte[] data, StatPersisted stat, List<Acl> acl, int numChildren) {

  public int dataLength() {
    return data == null ? 0 : data.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeView n && path.equals(n.path) && Arrays.equals(data, n.data) && stat.equals(n.stat)
        && Objects.equals(acl, n.acl) && numChildren == n.numChildren;
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, Arrays.hashCode(data), stat, acl, numChildren);
  }

  @Override
  public String toString() {
    return "NodeView[" + path + ", dataLength=" + dataLength() + ", " + stat + ", " + acl + ", children=" + numChildren + "]";
  }
}
