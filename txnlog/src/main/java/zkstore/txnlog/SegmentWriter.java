package zkstore.txnlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.Adler32;
import zkstore.jute.JuteWriter;

/**
 * Writes entries into one log file through a memory mapping of its preallocated tail. Growth follows
 * ZooKeeper's padding rule (so files match its byte for byte) but reserves real blocks first; the payload
 * and end byte are stored before the checksum and length, so a reader never sees a length whose bytes
 * are not there yet.
 *
 * <p>With a prefault thread and steps of {@link #SMALL_STEP_BYTES} or more, the file is kept
 * {@link #SIZE_LEAD_BYTES} longer than ZooKeeper's padding makes it, because no page at or past the end of the
 * file can be faulted in: at each growth to ZooKeeper's length the thread would otherwise stop, and the
 * appends would fault the next pages in themselves. Closing trims the file back to ZooKeeper's length; the
 * reader reads with {@code pread}, never through a mapping, so a trim under it is a clean end.
 */
final class SegmentWriter {
  /**
   * Unforced logs growing in steps below this have each new step faulted in whole by the appending thread,
   * with the kernel's read-around off. The prefault thread cannot fault in pages past the end of the file,
   * so with small steps the appends take every fault themselves; and a read-around fault in a new step
   * first looks up every cached page in half a read-ahead window below it (4 MiB with this VM's 8 MiB
   * read-ahead), once per step. With 64 KiB steps that lookup took a third of the appending thread's time.
   */
  static final long SMALL_STEP_BYTES = 256L << 10;

  /**
   * How far past ZooKeeper's padded length the file is grown while a prefault thread follows the appends.
   */
  static final long SIZE_LEAD_BYTES = 16L << 20;

  private final Path path;
  private final long firstZxid;
  private final FileChannel channel;
  private final Preallocator preallocator;
  private final long step;
  private final int threshold;
  private final long windowBytes;
  private final Adler32 adler = new Adler32();
  private final int fd;
  private final WriteWindowPrefaulter prefaulter;
  private final boolean faultInSteps;
  private long nextPrefault;
  private WriteWindow window;
  private ByteBuffer map;
  private long mapBase;
  private long mapEnd;
  private long position;
  /** ZooKeeper's padded size (its file is this long, or ends with the last entry when that is further). */
  private long paddedSize;
  /** The file's length on disk: ZooKeeper's length, plus the lead while a prefault thread follows. */
  private long allocated;
  /** Grow {@link #SIZE_LEAD_BYTES} past ZooKeeper's length (turned off by a full disk). */
  private boolean lead;
  /** The file may be longer than ZooKeeper's, or have blocks reserved past its end: closing trims it. */
  private boolean trimOnClose;
  private long droppedUpTo;
  private boolean channelClosed;

  private SegmentWriter(Path path, long firstZxid, FileChannel channel, int fd, Preallocator preallocator,
      long step, int threshold, long windowBytes, WriteWindowPrefaulter prefaulter, boolean faultInSteps) {
    this.path = path;
    this.faultInSteps = faultInSteps;
    this.windowBytes = windowBytes;
    this.prefaulter = prefaulter;
    this.fd = fd;
    this.firstZxid = firstZxid;
    this.channel = channel;
    this.preallocator = preallocator;
    this.step = step;
    this.threshold = threshold;
    this.lead = prefaulter != null && step >= SMALL_STEP_BYTES;
  }

  /**
   * Creates {@code log.<firstZxid>} (it must not exist) and writes its header; {@code prefaulter} (may be
   * null) faults pages in ahead of the appends.
   */
  static SegmentWriter create(Path dir, long firstZxid, TxnLogConfig config, Preallocator preallocator,
      WriteWindowPrefaulter prefaulter) throws IOException {
    Path path = dir.resolve(LogFormat.fileName(firstZxid));
    FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      ByteBuffer header = ByteBuffer.wrap(LogFormat.headerBytes());
      while (header.hasRemaining()) {
        ch.write(header, header.position());
      }
    } catch (IOException e) {
      ch.close();
      java.nio.file.Files.deleteIfExists(path);
      throw Preallocator.isNoSpace(e) ? Preallocator.diskFull(path, LogFormat.HEADER_SIZE, e) : e;
    }
    int fd;
    try {
      fd = WriteWindow.openDescriptor(path);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    SegmentWriter w = new SegmentWriter(path, firstZxid, ch, fd, preallocator, config.preallocBytes(),
        config.preallocThresholdBytes(), config.mapWindowBytes(), fd >= 0 ? prefaulter : null,
        config.durability() == Durability.NO_FORCE && config.preallocBytes() < SMALL_STEP_BYTES);
    w.position = LogFormat.HEADER_SIZE;
    w.paddedSize = LogFormat.HEADER_SIZE;
    w.allocated = LogFormat.HEADER_SIZE;
    return w;
  }

  /** Appends one frame holding {@code payload[off, off+len)}. */
  void append(byte[] payload, int off, int len) throws IOException {
    int at = reserve(len);
    map.put(at + LogFormat.FRAME_PREFIX, payload, off, len);
    adler.reset();
    adler.update(payload, off, len);
    seal(at, len, adler.getValue());
  }

  /** Appends one frame whose payload is what {@code encoded} holds. */
  void append(JuteWriter encoded) throws IOException {
    int len = encoded.size();
    int at = reserve(len);
    encoded.writeTo(map, at + LogFormat.FRAME_PREFIX);
    adler.reset();
    encoded.updateChecksum(adler);
    seal(at, len, adler.getValue());
  }

  private int reserve(int len) throws IOException {
    long frame = LogFormat.frameSize(len);
    if (position + threshold >= paddedSize) {
      paddedSize = position > paddedSize ? ((position + step) / step) * step : paddedSize + step;
    }
    long needed = Math.max(paddedSize, position + frame);
    boolean grew = needed > allocated;
    if (grew) {
      grow(needed);
    }
    if (map == null || position + frame > mapEnd) {
      remap(position + frame);
    }
    if (grew && faultInSteps) {
      // Best effort: where it fails, the appends below fault the pages in one by one.
      window.populateForWrite(position - position % WriteWindow.PAGE, Math.min(allocated, window.end));
    }
    if (prefaulter != null && position >= nextPrefault) {
      nextPrefault = position + prefaulter.reportEveryBytes();
      prefaulter.want(position);
    }
    return (int) (position - mapBase);
  }

  /** Grows the file to ZooKeeper's length {@code needed}, and past it by the lead when that is on and fits. */
  private void grow(long needed) throws IOException {
    if (lead && preallocator.mode() == Preallocator.Mode.FALLOCATE) {
      trimOnClose = true;
      try {
        extendTo(needed + SIZE_LEAD_BYTES);
        return;
      } catch (DiskFullException e) {
        // No room for the lead: from now on reserve only what ZooKeeper would.
        lead = false;
      }
    }
    extendTo(needed);
  }

  private void extendTo(long size) throws IOException {
    preallocator.extend(path, channel, fd, allocated, size);
    allocated = size;
    if (prefaulter != null) {
      prefaulter.reserved(allocated);
    }
  }

  private void seal(int at, int len, long checksum) {
    map.put(at + LogFormat.FRAME_PREFIX + len, LogFormat.END_OF_RECORD);
    map.putLong(at, checksum);
    map.putInt(at + 8, len);
    position += LogFormat.frameSize(len);
  }

  private void remap(long minEnd) throws IOException {
    unmap();
    window = WriteWindow.map(channel, fd, position, minEnd, Math.min(allocated, position + windowBytes), windowBytes);
    map = window.buffer;
    mapBase = window.base;
    mapEnd = window.end;
    if (faultInSteps) {
      window.noReadAround();
    }
    if (prefaulter != null) {
      prefaulter.follow(window, position - (position % WriteWindow.PAGE), allocated);
      nextPrefault = position;
    }
  }

  private void unmap() {
    WriteWindow w = window;
    map = null;
    window = null;
    if (w != null) {
      if (prefaulter != null) {
        prefaulter.unmapLater(w);
      } else {
        w.unmap();
      }
    }
  }

  /**
   * Unmaps the whole pages below the append position, which no later append touches, so the next force
   * cleans them without write-protecting mapped pages. Called while appends are paused.
   */
  void dropWrittenPages() {
    if (window == null) {
      return;
    }
    long to = position - (position % WriteWindow.PAGE);
    long from = Math.max(droppedUpTo, window.base);
    if (to > from) {
      window.dropPages(from, to);
      droppedUpTo = to;
    }
  }

  /** The window appends currently go to (null before the first append and after release). */
  WriteWindow window() {
    return window;
  }

  /** Releases the mapping; the channel stays open until {@link #closeChannel()} so it can still be forced. */
  void release() {
    unmap();
  }

  /** fdatasync of the file: covers every byte written through any mapping of it. */
  void force() throws IOException {
    channel.force(false);
  }

  /**
   * Closes the file, first trimming a lead past ZooKeeper's length (and any blocks a failed growth reserved
   * past the end), so a closed log has ZooKeeper's length. Call after {@link #release()}.
   */
  synchronized void closeChannel() throws IOException {
    if (channelClosed) {
      return;
    }
    channelClosed = true;
    try {
      if (trimOnClose) {
        // Never longer than the file is: after a failed growth the padded size is past the reserved blocks.
        Preallocator.trim(path, fd, Math.min(zooKeeperLength(), allocated));
      }
    } finally {
      WriteWindow.closeDescriptor(fd);
      channel.close();
    }
  }

  Path path() {
    return path;
  }

  long firstZxid() {
    return firstZxid;
  }

  /** Bytes of header and entries written so far. */
  long position() {
    return position;
  }

  /** ZooKeeper's length for this file: its padded size, or the end of the last entry when that is further. */
  private long zooKeeperLength() {
    return Math.max(paddedSize, position);
  }
}
