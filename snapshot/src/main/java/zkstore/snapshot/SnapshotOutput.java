package zkstore.snapshot;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.Adler32;

/**
 * The logical snapshot stream being written: big-endian jute encoding into one large array, a running
 * Adler-32 over everything written, taken over whole chunks as they leave, and the seals.
 */
final class SnapshotOutput {
  /** Where full chunks of the logical stream go (the file, or a compressor in front of it). */
  interface ChunkSink {
    void write(byte[] b, int off, int len) throws IOException;
  }

  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  /** An encoded string is at most 3 bytes per UTF-16 unit plus its length. */
  private static final int MAX_BYTES_PER_CHAR = 3;

  private final ChunkSink sink;
  private final byte[] buf;
  private final Adler32 adler = new Adler32();
  private int pos;
  /** Bytes of buf[0, adlerPos) are already in the checksum. */
  private int adlerPos;
  private long flushed;

  SnapshotOutput(ChunkSink sink, int bufferSize) {
    this.sink = sink;
    this.buf = new byte[bufferSize];
  }

  /** Bytes of logical stream written so far. */
  long position() {
    return flushed + pos;
  }

  void writeInt(int v) throws IOException {
    ensure(4);
    INT.set(buf, pos, v);
    pos += 4;
  }

  void writeLong(long v) throws IOException {
    ensure(8);
    LONG.set(buf, pos, v);
    pos += 8;
  }

  /** A jute buffer: length then bytes, -1 for null. */
  void writeBuffer(byte[] b) throws IOException {
    if (b == null) {
      writeInt(-1);
      return;
    }
    writeInt(b.length);
    writeRaw(b, 0, b.length);
  }

  void writeRaw(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      if (pos == buf.length) {
        flush();
      }
      int n = Math.min(len, buf.length - pos);
      System.arraycopy(b, off, buf, pos, n);
      pos += n;
      off += n;
      len -= n;
    }
  }

  /**
   * A jute ustring with ZooKeeper's encoding: UTF-16 units below 0x80 as one byte, below 0x800 as two,
   * everything else (each surrogate half too) as three; null as length -1.
   */
  void writeString(String s) throws IOException {
    if (s == null) {
      writeInt(-1);
      return;
    }
    int n = s.length();
    if ((long) n * MAX_BYTES_PER_CHAR + 4 > buf.length) {
      writeLongString(s);
      return;
    }
    ensure(4 + n * MAX_BYTES_PER_CHAR);
    int lenAt = pos;
    int p = pos + 4;
    byte[] b = buf;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xc0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      } else {
        b[p++] = (byte) (0xe0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    INT.set(b, lenAt, p - lenAt - 4);
    pos = p;
  }

  private void writeLongString(String s) throws IOException {
    byte[] encoded = new byte[s.length() * MAX_BYTES_PER_CHAR];
    int p = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        encoded[p++] = (byte) c;
      } else if (c < 0x800) {
        encoded[p++] = (byte) (0xc0 | (c >> 6));
        encoded[p++] = (byte) (0x80 | (c & 0x3f));
      } else {
        encoded[p++] = (byte) (0xe0 | (c >> 12));
        encoded[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        encoded[p++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    writeInt(p);
    writeRaw(encoded, 0, p);
  }

  /** One node record: path, data, ACL key and the 60-byte StatPersisted in file order. */
  void writeNode(String path, byte[] data, long aclKey, long czxid, long mzxid, long ctime, long mtime,
      int version, int cversion, int aversion, long ephemeralOwner, long pzxid) throws IOException {
    writeString(path);
    writeBuffer(data);
    ensure(8 + 60);
    byte[] b = buf;
    int p = pos;
    LONG.set(b, p, aclKey);
    LONG.set(b, p + 8, czxid);
    LONG.set(b, p + 16, mzxid);
    LONG.set(b, p + 24, ctime);
    LONG.set(b, p + 32, mtime);
    INT.set(b, p + 40, version);
    INT.set(b, p + 44, cversion);
    INT.set(b, p + 48, aversion);
    LONG.set(b, p + 52, ephemeralOwner);
    LONG.set(b, p + 60, pzxid);
    pos = p + 68;
  }

  /** A seal: the Adler-32 of every byte written so far as a long, then the string "/". */
  long writeSeal() throws IOException {
    adler.update(buf, adlerPos, pos - adlerPos);
    adlerPos = pos;
    long value = adler.getValue();
    writeLong(value);
    writeString("/");
    return value;
  }

  /** Hands every buffered byte to the sink. */
  void flush() throws IOException {
    if (pos > 0) {
      adler.update(buf, adlerPos, pos - adlerPos);
      sink.write(buf, 0, pos);
      flushed += pos;
    }
    pos = 0;
    adlerPos = 0;
  }

  private void ensure(int n) throws IOException {
    if (buf.length - pos < n) {
      flush();
    }
  }
}
