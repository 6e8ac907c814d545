package zkstore.bench.workload;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The znodes every tree benchmark builds, identical for both sides: {@code /benchmark}, 1,000 group
 * nodes {@code /benchmark/gNNN}, and {@code count} leaves {@code /benchmark/gNNN/node-NNNNNNNNN} (30
 * characters) with {@code dataSize} bytes of printable data each. Leaf {@code i} has zxid
 * {@code FIRST_ZXID + GROUPS + 1 + i}.
 */
public record Znodes(int count, int dataSize) {
  public static final int GROUPS = 1000;
  public static final long FIRST_ZXID = 0x100000001L;
  public static final long BASE_TIME = 1_760_000_000_000L;
  private static final int DATA_POOL = 256;

  public Znodes {
    if (count < 0 || dataSize < 0) {
      throw new IllegalArgumentException("count and dataSize must be >= 0");
    }
  }

  /** Total znodes created, inner nodes included. */
  public int created() {
    return 1 + GROUPS + count;
  }

  /** The zxid of the last create. */
  public long lastZxid() {
    return FIRST_ZXID + created() - 1;
  }

  public static String groupPath(int group) {
    return String.format("/benchmark/g%03d", group);
  }

  public static String leafPath(int i) {
    return groupPath(i % GROUPS) + String.format("/node-%09d", i);
  }

  /** A fresh copy of leaf {@code i}'s data (every node owns its array, as in a live server). */
  public byte[] leafData(int i) {
    return printable(dataSize, i % DATA_POOL);
  }

  /** Deterministic printable ASCII of the given length, one of a few hundred variants. */
  public static byte[] printable(int size, int variant) {
    SplittableRandom r = new SplittableRandom(0x5eedL * 31 + variant * 7919L + size);
    byte[] b = new byte[size];
    for (int k = 0; k < size; k++) {
      b[k] = (byte) (' ' + 1 + r.nextInt(94));
    }
    return b;
  }

  /** Sessions every snapshot benchmark carries: 100 sessions of 30 s. */
  public static long sessionId(int k) {
    return 0x1000000000000L + k;
  }

  public static final int SESSIONS = 100;
  public static final int SESSION_TIMEOUT_MS = 30_000;

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
