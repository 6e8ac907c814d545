package zkstore.snapshot;

import java.util.List;
import java.util.zip.Adler32;
import zkstore.jute.JuteWriter;
import zkstore.record.Acl;
import zkstore.record.StatPersisted;

/** Builds snapshot bytes field by field with the codec's JuteWriter, independently of the zkstore writer. */
final class HandBuiltSnapshot {
  private final JuteWriter w = new JuteWriter();

  HandBuiltSnapshot header() {
    w.writeInt(0x5A4B534E).writeInt(2).writeLong(-1);
    return this;
  }

  HandBuiltSnapshot sessions(long[] ids, int[] timeouts) {
    w.writeInt(ids.length);
    for (int i = 0; i < ids.length; i++) {
      w.writeLong(ids[i]).writeInt(timeouts[i]);
    }
    return this;
  }

  HandBuiltSnapshot aclMap(long[] keys, List<List<Acl>> lists) {
    w.writeInt(keys.length);
    for (int i = 0; i < keys.length; i++) {
      w.writeLong(keys[i]);
      Acl.writeList(lists.get(i), w);
    }
    return this;
  }

  HandBuiltSnapshot node(String path, byte[] data, long aclKey, StatPersisted stat) {
    w.writeString(path).writeBuffer(data).writeLong(aclKey);
    stat.write(w);
    return this;
  }

  HandBuiltSnapshot endOfNodes() {
    w.writeString("/");
    return this;
  }

  HandBuiltSnapshot seal() {
    Adler32 a = new Adler32();
    a.update(w.toByteArray());
    w.writeLong(a.getValue()).writeString("/");
    return this;
  }

  HandBuiltSnapshot digest(long zxid, long digest) {
    w.writeLong(zxid).writeInt(2).writeLong(digest);
    return this;
  }

  HandBuiltSnapshot hexDigest(long zxid, long digest) {
    w.writeLong(zxid).writeInt(1).writeString(Long.toHexString(digest));
    return this;
  }

  HandBuiltSnapshot lastZxid(long zxid) {
    w.writeLong(zxid);
    return this;
  }

  /** Bytes written so far: the offset of whatever comes next. */
  int size() {
    return w.size();
  }

  byte[] bytes() {
    return w.toByteArray();
  }
}
