package zkstore.snapshot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import zkstore.jute.FormatException;
import zkstore.record.Acl;
import zkstore.record.Id;

/**
 * Decodes and verifies one logical snapshot stream into a sink: header, sessions, ACL map, nodes, end marker,
 * seal 1, then the optional digest (seal 2) and lastProcessedZxid (seal 3) sections. A section is absent only
 * if the stream ends exactly where it would start; a partial section, a bad seal, a missing "/" after a seal
 * or bytes after the third seal are errors.
 */
final class SnapshotDecoder {
  private final SnapshotInput in;
  private final SnapshotSink sink;
  private final SnapshotNode node = new SnapshotNode();
  private long[] aclKeys = new long[0];

  private SnapshotDecoder(SnapshotInput in, SnapshotSink sink) {
    this.in = in;
    this.sink = sink;
  }

  static SnapshotReadResult decode(SnapshotInput in, SnapshotSink sink, long nameZxid) throws IOException {
    return new SnapshotDecoder(in, sink).decode(nameZxid);
  }

  private SnapshotReadResult decode(long nameZxid) throws IOException {
    long dbid = readHeader();
    int sessions = readSessions();
    int aclEntries = readAclMap();
    long[] nodeCounts = readNodes();
    readSeal(1);
    SnapshotLayout layout = SnapshotLayout.SEAL_ONLY;
    SnapshotDigest digest = null;
    OptionalLong lastZxid = OptionalLong.empty();
    if (!in.atEnd()) {
      digest = readDigest();
      readSeal(2);
      layout = SnapshotLayout.DIGEST;
      if (!in.atEnd()) {
        lastZxid = OptionalLong.of(in.readLong("lastProcessedZxid"));
        readSeal(3);
        layout = SnapshotLayout.DIGEST_AND_LAST_ZXID;
        if (!in.atEnd()) {
          throw in.invalid("unexpected data after the third seal, expected the end of the snapshot", in.position());
        }
      }
    }
    return new SnapshotReadResult(in.file(), nameZxid, layout, dbid, sessions, aclEntries, nodeCounts[0], digest,
        lastZxid, nodeCounts[1], in.position());
  }

  private long readHeader() throws IOException {
    int magic = in.readInt("header magic");
    if (magic != SnapshotFormat.MAGIC) {
      throw in.invalid("header magic 0x" + Integer.toHexString(magic) + ", expected 0x5a4b534e (ZKSN): not a snapshot",
          0);
    }
    int version = in.readInt("header version");
    if (version != SnapshotFormat.VERSION) {
      throw in.invalid("header version " + version + ", expected " + SnapshotFormat.VERSION, 4);
    }
    return in.readLong("header dbid");
  }

  private int readSessions() throws IOException {
    long at = in.position();
    int count = in.readInt("session count");
    checkCount("session count", count, SnapshotFormat.SESSION_BYTES, at);
    for (int i = 0; i < count; i++) {
      int p = in.require(SnapshotFormat.SESSION_BYTES, "session");
      sink.session(in.longAt(p), in.intAt(p + 8));
    }
    return count;
  }

  private int readAclMap() throws IOException {
    long at = in.position();
    int count = in.readInt("ACL map count");
    checkCount("ACL map count", count, SnapshotFormat.ACL_ENTRY_MIN_BYTES, at);
    long[] keys = new long[Math.min(count, 1024)];
    for (int i = 0; i < count; i++) {
      long key = in.readLong("ACL map key");
      long vecAt = in.position();
      int n = in.readInt("ACL list count");
      if (n == -1) {
        throw in.invalid("ACL list of key " + key + " is a null vector, expected a count >= 0", vecAt);
      }
      checkCount("ACL list count", n, SnapshotFormat.ACL_MIN_BYTES, vecAt);
      List<Acl> acls = new ArrayList<>(Math.min(n, 16));
      for (int j = 0; j < n; j++) {
        int perms = in.readInt("ACL perms");
        long idAt = in.position();
        String scheme = in.readString("ACL id scheme");
        String id = in.readString("ACL id");
        if (scheme == null || id == null) {
          // ZooKeeper hashes every ACL list once the map is read: a null here is a NullPointerException that stops it.
          throw in.invalid("ACL " + j + " of key " + key + " has a null " + (scheme == null ? "scheme" : "id")
              + ", expected a string (ZooKeeper fails with NullPointerException loading it)", idAt);
        }
        acls.add(new Acl(perms, new Id(scheme, id)));
      }
      if (i == keys.length) {
        keys = Arrays.copyOf(keys, keys.length * 2);
      }
      keys[i] = key;
      sink.aclEntry(key, Collections.unmodifiableList(acls));
    }
    aclKeys = Arrays.copyOf(keys, count);
    Arrays.sort(aclKeys);
    return count;
  }

  /** Returns {node count, nodes with an unknown ACL key}. */
  private long[] readNodes() throws IOException {
    long count = 0;
    long unknownAcl = 0;
    SnapshotNode n = node;
    SnapshotInput input = in;
    while (true) {
      long at = input.position();
      if (input.nextIsOneCharString('/')) {
        break;
      }
      int p = readNodeInPlace(input, n);
      if (p < 0) {
        byte[] path = input.readBuffer("node path");
        if (path == null) {
          throw input.invalid("node path is null, expected a path or the end marker \"/\"", at);
        }
        byte[] data = input.readBuffer("node data");
        n.set(path, 0, path.length, data, 0, data == null ? -1 : data.length);
        p = input.require(SnapshotFormat.NODE_TAIL_BYTES, "node ACL key and stat");
      }
      n.aclKey = input.longAt(p);
      n.czxid = input.longAt(p + 8);
      n.mzxid = input.longAt(p + 16);
      n.ctime = input.longAt(p + 24);
      n.mtime = input.longAt(p + 32);
      n.version = input.intAt(p + 40);
      n.cversion = input.intAt(p + 44);
      n.aversion = input.intAt(p + 48);
      n.ephemeralOwner = input.longAt(p + SnapshotFormat.OWNER_IN_NODE_TAIL);
      n.pzxid = input.longAt(p + 60);
      n.offset = at;
      if (n.aclKey != -1 && Arrays.binarySearch(aclKeys, n.aclKey) < 0) {
        unknownAcl++;
      }
      try {
        sink.node(n);
      } catch (FormatException e) {
        if (e.file() != null || e.offset() >= 0) {
          throw input.located(e);
        }
        throw input.located(new FormatException("node \"" + n.path() + "\": " + e.detail(), input.file(), at,
            e.zxid(), e.truncated(), e));
      }
      count++;
    }
    return new long[] {count, unknownAcl};
  }

  /**
   * Points {@code n} at the next record in the read buffer and consumes it, returning the index of its ACL key
   * and stat; -1 (nothing consumed) when the record is not wholly buffered or a length is out of range, which
   * the field-by-field path then reads or reports.
   */
  private static int readNodeInPlace(SnapshotInput input, SnapshotNode n) throws IOException {
    int avail = input.buffered(8);
    byte[] b = input.array();
    int s = input.index();
    if (avail < 8) {
      return -1;
    }
    int max = input.maxFieldLength();
    int pathLen = input.intAt(s);
    if (pathLen < 0 || pathLen > max || 8L + pathLen > avail) {
      return -1;
    }
    int dataAt = s + 4 + pathLen;
    int dataLen = input.intAt(dataAt);
    if (dataLen < -1 || dataLen > max) {
      return -1;
    }
    int tail = dataAt + 4 + Math.max(dataLen, 0);
    int total = tail - s + SnapshotFormat.NODE_TAIL_BYTES;
    if (total > avail) {
      return -1;
    }
    n.set(b, s + 4, pathLen, b, dataAt + 4, dataLen);
    input.skip(total);
    return tail;
  }

  private SnapshotDigest readDigest() throws IOException {
    long zxid = in.readLong("digest zxid");
    int version = in.readInt("digest version");
    long digest;
    if (version < 2) {
      long at = in.position();
      String hex = in.readString("digest (hex, version < 2)");
      try {
        digest = Long.parseLong(hex == null ? "" : hex, 16); // signed, as ZooKeeper parses it
      } catch (NumberFormatException e) {
        throw in.invalid("digest (version " + version + ") \"" + hex + "\", expected hex digits", at);
      }
    } else {
      digest = in.readLong("digest");
    }
    return new SnapshotDigest(zxid, version, digest);
  }

  private void readSeal(int number) throws IOException {
    long computed = in.checksum();
    long at = in.position();
    long stored = in.readLong("seal " + number);
    if (stored != computed) {
      throw in.invalid("seal " + number + ": stored Adler-32 0x" + Long.toHexString(stored) + ", computed 0x"
          + Long.toHexString(computed) + " over " + UncompressedOffsets.range(0, at, in.decompressed())
          + " (CRC corruption)", at);
    }
    long slashAt = in.position();
    if (!in.nextIsOneCharString('/')) {
      in.require(5, "\"/\" after seal " + number);
      throw in.invalid("after seal " + number + ": expected the string \"/\" (00000001 2f)", slashAt);
    }
  }

  private void checkCount(String field, int count, int minBytesEach, long at) throws FormatException {
    if (count < 0) {
      throw in.invalid(field + " " + count + ", expected >= 0", at);
    }
    long need = (long) count * minBytesEach;
    if (need > in.knownRemaining()) {
      throw in.truncated(field + " " + count + " needs at least " + need + " bytes, only " + in.knownRemaining()
          + " remain in the file", at);
    }
  }
}
