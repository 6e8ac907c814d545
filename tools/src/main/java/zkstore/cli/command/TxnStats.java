package zkstore.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import zkstore.cli.format.Hex;
import zkstore.cli.format.JsonLines;
import zkstore.cli.source.LogEntry;
import zkstore.record.OpCode;

/** {@code log dump --stats}: txn counts and on-disk bytes per op type and per session. */
final class TxnStats {
  private final Map<String, long[]> byType = new TreeMap<>();
  private final Map<Long, long[]> bySession = new TreeMap<>(Long::compareUnsigned);
  private long count;
  private long bytes;
  private long firstZxid = -1;
  private long lastZxid = -1;

  void add(LogEntry e) {
    count++;
    bytes += e.frameSize();
    if (firstZxid < 0) {
      firstZxid = e.zxid();
    }
    lastZxid = e.zxid();
    bump(byType.computeIfAbsent(OpCode.name(e.txn().header().type()), k -> new long[2]), e.frameSize());
    bump(bySession.computeIfAbsent(e.txn().header().clientId(), k -> new long[2]), e.frameSize());
  }

  private static void bump(long[] slot, long size) {
    slot[0]++;
    slot[1] += size;
  }

  void printText(PrintWriter out) {
    out.printf("txns %d, bytes %d, zxid %s..%s%n", count, bytes, Hex.of(firstZxid), Hex.of(lastZxid));
    out.println("by type (txns, bytes):");
    byType.forEach((t, v) -> out.printf("  %-16s %10d %14d%n", t, v[0], v[1]));
    out.println("by session (txns, bytes):");
    bySession.forEach((s, v) -> out.printf("  %-20s %10d %14d%n", Hex.of(s), v[0], v[1]));
  }

  void printJson(JsonLines json) throws IOException {
    json.line(g -> {
      g.writeStartObject();
      g.writeStringField("stat", "total");
      g.writeNumberField("count", count);
      g.writeNumberField("bytes", bytes);
      g.writeStringField("firstZxid", Hex.of(firstZxid));
      g.writeStringField("lastZxid", Hex.of(lastZxid));
      g.writeEndObject();
    });
    for (Map.Entry<String, long[]> e : byType.entrySet()) {
      json.line(g -> {
        g.writeStartObject();
        g.writeStringField("stat", "type");
        g.writeStringField("type", e.getKey());
        g.writeNumberField("count", e.getValue()[0]);
        g.writeNumberField("bytes", e.getValue()[1]);
        g.writeEndObject();
      });
    }
    for (Map.Entry<Long, long[]> e : bySession.entrySet()) {
      json.line(g -> {
        g.writeStartObject();
        g.writeStringField("stat", "session");
        g.writeStringField("session", Hex.of(e.getKey()));
        g.writeNumberField("count", e.getValue()[0]);
        g.writeNumberField("bytes", e.getValue()[1]);
        g.writeEndObject();
      });
    }
  }
}
