package zkstore.tree;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import zkstore.record.Acl;
import zkstore.record.StatPersisted;

/**
 * One node as a snapshot stores it, read consistently under the node's lock.
 *
 * @param path full path, "" for the root
 * @param data the node's data (null when the node holds null data)
 * @param aclKey the ACL cache key (-1 = OPEN_ACL_UNSAFE without an entry)
 * @param acl the ACL list that key stood for when the node was read
 * @param stat the persisted stat
 * @param numChildren children at the time of reading
 */
public record NodeRecord(String path, byte[] data, long aclKey, List<Acl> acl, StatPersisted stat, int numChildren) {

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeRecord r && path.equals(r.path) && Arrays.equals(data, r.data) && aclKey == r.aclKey
                && Objects.equals(acl, r.acl) && stat.equals(r.stat) && numChildren == r.numChildren;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(data), aclKey, acl, stat, numChildren);
    }

    @Override
    public String toString() {
        return "NodeRecord[path=" + path + ", data=" + (data == null ? "null" : data.length + " bytes") + ", aclKey="
                + aclKey + ", stat=" + stat + ", numChildren=" + numChildren + "]";
    }
}
