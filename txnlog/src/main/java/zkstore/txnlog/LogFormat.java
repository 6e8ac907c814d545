package zkstore.txnlog;

import java.nio.ByteBuffer;
import zkstore.jute.JuteMaxBuffer;

/**
 * The one place that knows a ZooKeeper txn log file's framing (FORMATS.md §3): file naming, the 16-byte
 * file header, and the per-entry frame {@code checksum(8) length(4) payload(length) 0x42}.
 */
public final class LogFormat {
  /** "ZKLG", the first four bytes of every log file. */
  public static final int MAGIC = 0x5A4B4C47;
  /** Format version written in the header; never checked by readers. */
  public static final int VERSION = 2;
  /** dbid written in the header; always 0, never checked. */
  public static final long DBID = 0L;
  /** Size of the file header in bytes. */
  public static final int HEADER_SIZE = 16;
  /** Bytes before the payload: the Adler32 checksum as a long, then the payload length. */
  public static final int FRAME_PREFIX = 12;
  /** Bytes a frame adds to its payload: prefix plus the end-of-record byte. */
  public static final int FRAME_OVERHEAD = 13;
  /** The end-of-record marker ('B'). */
  public static final byte END_OF_RECORD = 0x42;
  /** Size of a TxnHeader, the smallest valid payload. */
  public static final int TXN_HEADER_SIZE = 32;
  /** Offset of the zxid inside a payload (after clientId long and cxid int). */
  public static final int ZXID_OFFSET_IN_PAYLOAD = 12;
  /** Offset of the op type inside a payload. */
  public static final int TYPE_OFFSET_IN_PAYLOAD = 28;
  /** Default limit on a payload's length: jute.maxbuffer plus its extra size (FORMATS.md §1). */
  public static final int DEFAULT_MAX_PAYLOAD = JuteMaxBuffer.DEFAULT.limit();
  /** File name prefix. */
  public static final String PREFIX = "log";
  /** Name of the directory holding the files inside a dataLogDir. */
  public static final String VERSION_DIR = "version-2";

  private LogFormat() {}

  /** {@code log.<zxid in lowercase hex>}. */
  public static String fileName(long firstZxid) {
    return PREFIX + "." + Long.toHexString(firstZxid);
  }

  /** The zxid in a log file name as ZooKeeper parses it, or -1 when the name is not a log file's. */
  public static long zxidOfFileName(String name) {
    String[] parts = name.split("\\.");
    if (parts.length < 2 || !parts[0].equals(PREFIX)) {
      return -1;
    }
    try {
      return Long.parseLong(parts[1], 16);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The header bytes every log file starts with. */
  public static byte[] headerBytes() {
    ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE);
    b.putInt(MAGIC).putInt(VERSION).putLong(DBID);
    return b.array();
  }

  /** Size on disk of an entry with a payload of {@code payloadLength} bytes. */
  public static long frameSize(int payloadLength) {
    return (long) payloadLength + FRAME_OVERHEAD;
  }

  /** The zxid in an encoded payload (TxnHeader first). */
  public static long zxidOfPayload(byte[] payload, int offset) {
    return ByteBuffer.wrap(payload).getLong(offset + ZXID_OFFSET_IN_PAYLOAD);
  }

  /** The epoch of a zxid (its high 32 bits). */
  public static long epoch(long zxid) {
    return zxid >>> 32;
  }
}
