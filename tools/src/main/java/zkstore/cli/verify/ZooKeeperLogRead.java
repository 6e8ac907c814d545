package zkstore.cli.verify;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.Adler32;
import zkstore.jute.FormatException;
import zkstore.record.TxnCodec;
import zkstore.txnlog.FileAdler32;
import zkstore.txnlog.LogFormat;

/**
 * Reads one log file by the rules of ZooKeeper 3.9's log iterator (FORMATS.md §3.6), which differ from
 * zkstore's reader: a checksum mismatch stops ZooKeeper even in a torn last entry, while an end-of-record byte
 * that is not {@code 'B'}, a short read or a payload too short to decode silently ends the file, wherever it
 * is, and the iterator goes on with the next file.
 */
final class ZooKeeperLogRead {
  private static final int BUFFER_BYTES = 1 << 16;

  /** How ZooKeeper's iterator leaves the file. */
  sealed interface End permits Clean, Partial, DeletedEmpty, Fatal {}

  /** At the end of the file or at a zero length, where ZooKeeper expects a file to end. */
  record Clean() implements End {}

  /** ZooKeeper stops reading the file at {@code offset} without an error and goes on with the next file. */
  record Partial(long offset, String why) implements End {}

  /** An empty newest file: ZooKeeper deletes it and ends the read. */
  record DeletedEmpty() implements End {}

  /** ZooKeeper's read throws {@code error} at {@code offset}, so it does not start. */
  record Fatal(long offset, String error) implements End {}

  /** What the iterator read: {@code entries}, the first and last zxids read (-1 if none), and how it ended. */
  record Result(long entries, long firstZxid, long lastZxid, End end) {}

  private final long size;
  private final int maxLength;
  private final Adler32 adler = new Adler32();
  private long entries;
  private long firstZxid = -1;
  private long lastZxid = -1;

  private ZooKeeperLogRead(long size, int maxLength) {
    this.size = size;
    this.maxLength = maxLength;
  }

  /**
   * Reads {@code file} as ZooKeeper does, decoding every txn; {@code newest}: no later log file is left to read
   * (ZooKeeper deletes an empty newest file). {@code maxLength} is its payload limit.
   */
  static Result read(Path file, boolean newest, int maxLength) throws IOException {
    long size = Files.size(file);
    ZooKeeperLogRead r = new ZooKeeperLogRead(size, maxLength);
    if (size == 0) {
      return r.result(newest ? new DeletedEmpty()
          : new Fatal(0, "EOFException: an empty file that is not the newest log"
              + " (only an empty newest file is deleted)"));
    }
    if (size < LogFormat.HEADER_SIZE) {
      return r.result(new Fatal(0, "EOFException: the file is " + size + " bytes, shorter than its 16-byte header"));
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
        FileChannel ahead = FileChannel.open(file, StandardOpenOption.READ)) {
      return r.result(r.entries(new DataInputStream(in), ahead));
    }
  }

  private Result result(End end) {
    return new Result(entries, firstZxid, lastZxid, end);
  }

  /** {@code ahead}: the same file, read by position to check a long frame before reading it into memory. */
  private End entries(DataInputStream in, FileChannel ahead) throws IOException {
    int magic = in.readInt();
    in.readInt();
    in.readLong();
    if (magic != LogFormat.MAGIC) {
      return new Fatal(0, "invalid magic number 0x" + Integer.toHexString(magic) + " != 0x"
          + Integer.toHexString(LogFormat.MAGIC));
    }
    byte[] payload = new byte[4096];
    long offset = LogFormat.HEADER_SIZE;
    while (true) {
      long left = size - offset;
      if (left < LogFormat.FRAME_PREFIX) {
        return left == 0 ? new Clean()
            : new Partial(offset, left + " bytes before the end, fewer than a checksum and length");
      }
      long checksum = in.readLong();
      int len = in.readInt();
      if (len == -1) {
        return new Fatal(offset, "NullPointerException: a length of -1 reads as a null payload");
      }
      if (len < 0 || len > maxLength) {
        return new Fatal(offset, "Unreasonable length = " + len);
      }
      if (len == 0) {
        return new Clean();
      }
      if (left - LogFormat.FRAME_PREFIX < len + 1L) {
        return new Partial(offset, "an entry of length " + len + " with only " + (left - LogFormat.FRAME_PREFIX)
            + " bytes left");
      }
      if (payload.length < len) {
        End damaged = len > BUFFER_BYTES ? checkAhead(ahead, offset, checksum, len) : null;
        if (damaged != null) {
          return damaged;
        }
        payload = new byte[Math.max(len, payload.length * 2)];
      }
      in.readFully(payload, 0, len);
      byte eor = in.readByte();
      if (eor != LogFormat.END_OF_RECORD) {
        return partial(offset, eor);
      }
      adler.reset();
      adler.update(payload, 0, len);
      if (adler.getValue() != checksum) {
        return new Fatal(offset, "CRC check failed");
      }
      End undecodable = decode(Arrays.copyOf(payload, len), offset);
      if (undecodable != null) {
        return undecodable;
      }
      offset += LogFormat.frameSize(len);
    }
  }

  /**
   * How ZooKeeper ends at the long frame at {@code offset} if its end byte or checksum is bad, or null if both
   * are right. ZooKeeper allocates the length first; checking here without holding the payload keeps a damaged
   * length (up to 2 GiB with a large jute.maxbuffer) from costing verify a buffer of that length.
   */
  private End checkAhead(FileChannel ahead, long offset, long checksum, int len) throws IOException {
    long payloadAt = offset + LogFormat.FRAME_PREFIX;
    ByteBuffer one = ByteBuffer.allocate(1);
    ahead.read(one, payloadAt + len);
    byte eor = one.get(0);
    if (eor != LogFormat.END_OF_RECORD) {
      return partial(offset, eor);
    }
    long actual = FileAdler32.of(ahead, payloadAt, len);
    // -1: the file shrank, and the read that follows meets its end as ZooKeeper would.
    return actual != -1 && actual != checksum ? new Fatal(offset, "CRC check failed") : null;
  }

  private static Partial partial(long offset, byte eor) {
    return new Partial(offset, String.format("end-of-record byte 0x%02x (\"Last transaction was partial.\")", eor));
  }

  /** Decodes one payload as ZooKeeper does; null when it decodes, else how ZooKeeper ends there. */
  private End decode(byte[] payload, long offset) {
    long zxid;
    try {
      zxid = TxnCodec.decodePayload(payload).header().zxid();
    } catch (FormatException e) {
      // ZooKeeper's EOFException ends the file quietly; any other IOException stops the read.
      String why = "the txn does not decode: " + e.detail();
      return e.truncated() ? new Partial(offset, why) : new Fatal(offset, e.detail());
    }
    if (entries++ == 0) {
      firstZxid = zxid;
    }
    lastZxid = zxid;
    return null;
  }
}
