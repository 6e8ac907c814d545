package zkstore.bench.harness;

import java.io.OutputStream;

/**
 * A null output stream that counts the bytes, the lines and the txn lines written to it (a txn line
 * is one holding {@code "zxid 0x"}, as ZooKeeper's TxnLogToolkit and zkstore's {@code log dump} print).
 */
public final class CountingOutputStream extends OutputStream {
  private static final byte[] TXN_MARK = "zxid 0x".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private long bytes;
  private long lines;
  private long txnLines;
  private int matched;

  @Override
  public void write(int b) {
    bytes++;
    see((byte) b);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    bytes += len;
    for (int i = off; i < off + len; i++) {
      see(b[i]);
    }
  }

  private void see(byte b) {
    if (b == '\n') {
      lines++;
    }
    if (b == TXN_MARK[matched]) {
      if (++matched == TXN_MARK.length) {
        txnLines++;
        matched = 0;
      }
    } else {
      matched = b == TXN_MARK[0] ? 1 : 0;
    }
  }

  public long txnLines() {
    return txnLines;
  }

  public long bytes() {
    return bytes;
  }

  public long lines() {
    return lines;
  }

  public void reset() {
    bytes = 0;
    lines = 0;
    txnLines = 0;
    matched = 0;
  }
}
