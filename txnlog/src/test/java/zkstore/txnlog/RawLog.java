package zkstore.txnlog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Adler32;
import zkstore.record.TxnCodec;

/** Builds log files by hand, frame by frame, to model damage the writer never produces. */
final class RawLog {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final List<Long> offsets = new ArrayList<>();

  RawLog() {
    out.writeBytes(LogFormat.headerBytes());
  }

  RawLog entry(long zxid) {
    return frame(TxnCodec.encodePayload(Txns.setData(zxid, 100)));
  }

  RawLog entries(long from, long to) {
    for (long z = from; z <= to; z++) {
      entry(z);
    }
    return this;
  }

  RawLog frame(byte[] payload) {
    offsets.add((long) out.size());
    Adler32 a = new Adler32();
    a.update(payload);
    ByteBuffer b = ByteBuffer.allocate(payload.length + 13);
    b.putLong(a.getValue()).putInt(payload.length).put(payload).put(LogFormat.END_OF_RECORD);
    out.writeBytes(b.array());
    return this;
  }

  /** Offsets of the frames written so far. */
  List<Long> offsets() {
    return offsets;
  }

  byte[] bytes(int zeroTail) {
    byte[] b = out.toByteArray();
    byte[] withTail = new byte[b.length + zeroTail];
    System.arraycopy(b, 0, withTail, 0, b.length);
    return withTail;
  }

  Path write(Path dir, long nameZxid, int zeroTail) throws IOException {
    Path p = dir.resolve(LogFormat.fileName(nameZxid));
    Files.write(p, bytes(zeroTail));
    return p;
  }
}
