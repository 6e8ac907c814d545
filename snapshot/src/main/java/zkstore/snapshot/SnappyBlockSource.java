package zkstore.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.xerial.snappy.Snappy;
import org.xerial.snappy.SnappyError;
import zkstore.jute.FormatException;

/**
 * Reads snappy-java's {@code SnappyOutputStream} framing (magic, two version ints, then
 * {@code [int compressedLength][snappy block]}...) without trusting any length: a block may not claim more
 * bytes than the file has left, nor decompress to more than snappy's maximum expansion of it.
 */
final class SnappyBlockSource implements SnapshotInput.ChunkSource {
  /** Snappy's densest element, a 3-byte copy of 64 bytes, bounds the expansion ratio. */
  private static final int MAX_EXPANSION = 22;
  private static final int MAGIC_HEAD = 0x82534E41;
  private static final int HEADER_BYTES = SnapshotFiles.SNAPPY_MAGIC.length + 8;

  private final InputStream in;
  private final String file;
  private final long fileLength;
  private long filePos;
  private byte[] compressed = new byte[64 * 1024];
  private byte[] block = new byte[64 * 1024];
  private int blockPos;
  private int blockLen;
  private boolean done;

  SnappyBlockSource(InputStream in, String file, long fileLength) throws IOException {
    this.in = in;
    this.file = file;
    this.fileLength = fileLength;
    readHeader(0);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (blockPos == blockLen) {
      if (done || !nextBlock()) {
        done = true;
        return -1;
      }
    }
    int n = Math.min(len, blockLen - blockPos);
    System.arraycopy(block, blockPos, b, off, n);
    blockPos += n;
    return n;
  }

  private void readHeader(int alreadyRead) throws IOException {
    byte[] header = new byte[HEADER_BYTES];
    long at = filePos - alreadyRead;
    if (alreadyRead > 0) {
      header[0] = (byte) (MAGIC_HEAD >>> 24);
      header[1] = (byte) (MAGIC_HEAD >>> 16);
      header[2] = (byte) (MAGIC_HEAD >>> 8);
      header[3] = (byte) MAGIC_HEAD;
    }
    readFully(header, alreadyRead, HEADER_BYTES - alreadyRead, "snappy stream header");
    if (!Arrays.equals(header, 0, SnapshotFiles.SNAPPY_MAGIC.length, SnapshotFiles.SNAPPY_MAGIC, 0,
        SnapshotFiles.SNAPPY_MAGIC.length)) {
      throw new FormatException("snappy stream header: magic " + hex(header, 8) + ", expected "
          + hex(SnapshotFiles.SNAPPY_MAGIC, 8), file, at, null, false, null);
    }
  }

  private boolean nextBlock() throws IOException {
    byte[] lenBytes = new byte[4];
    long at = filePos;
    int got = in.readNBytes(lenBytes, 0, 4);
    filePos += got;
    if (got == 0) {
      return false;
    }
    if (got < 4) {
      throw new FormatException("snappy block length: expected 4 bytes, found " + got, file, at, null, true, null);
    }
    int clen = ((lenBytes[0] & 0xff) << 24) | ((lenBytes[1] & 0xff) << 16) | ((lenBytes[2] & 0xff) << 8)
        | (lenBytes[3] & 0xff);
    if (clen == MAGIC_HEAD) {
      readHeader(4);
      return true;
    }
    long left = fileLength - filePos;
    if (clen <= 0 || clen > left) {
      throw new FormatException("snappy block length " + clen + ", expected 1.." + left
          + " (bytes left in the file)", file, at, null, clen > left, null);
    }
    if (compressed.length < clen) {
      compressed = new byte[clen];
    }
    readFully(compressed, 0, clen, "snappy block");
    int ulen;
    try {
      ulen = Snappy.uncompressedLength(compressed, 0, clen);
    } catch (IOException | RuntimeException | SnappyError e) {
      throw new FormatException("snappy block: unreadable length: " + e.getMessage(), file, at + 4, null, false, e);
    }
    if (ulen < 0 || (long) ulen > (long) clen * MAX_EXPANSION) {
      throw new FormatException("snappy block: uncompressed length " + ulen + " for " + clen
          + " compressed bytes, expected at most " + (long) clen * MAX_EXPANSION, file, at + 4, null, false, null);
    }
    if (block.length < ulen) {
      block = new byte[ulen];
    }
    try {
      blockLen = Snappy.uncompress(compressed, 0, clen, block, 0);
    } catch (IOException | RuntimeException | SnappyError e) {
      throw new FormatException("snappy block: corrupt: " + e.getMessage(), file, at + 4, null, false, e);
    }
    if (blockLen != ulen) {
      throw new FormatException("snappy block: decompressed to " + blockLen + " bytes, expected " + ulen,
          file, at + 4, null, false, null);
    }
    blockPos = 0;
    return true;
  }

  private void readFully(byte[] b, int off, int len, String what) throws IOException {
    int got = in.readNBytes(b, off, len);
    long at = filePos;
    filePos += got;
    if (got < len) {
      throw new FormatException(what + ": expected " + len + " bytes, found " + got, file, at, null, true, null);
    }
  }

  private static String hex(byte[] b, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(String.format("%02x", b[i] & 0xff));
    }
    return sb.toString();
  }
}
