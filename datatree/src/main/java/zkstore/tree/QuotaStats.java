package zkstore.tree;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text ZooKeeper keeps in quota nodes ("count=N,bytes=M" plus optional extra keys), parsed and
 * printed exactly as ZooKeeper 3.9's StatsTrack does, including its odd "=;key=value" tail for extras.
 */
final class QuotaStats {

    private final Map<String, Long> values = new TreeMap<>();

    private QuotaStats() {
    }

    /** Parses node data; null or empty gives count -1, bytes -1. Throws IllegalArgumentException on bad text. */
    static QuotaStats parse(byte[] data) {
        QuotaStats s = new QuotaStats();
        if (data == null || data.length == 0) {
            return s;
        }
        for (String pair : new String(data, StandardCharsets.UTF_8).split("[,;]")) {
            String[] kv = pair.split("=");
            if (kv.length < 2) {
                throw new IllegalArgumentException("quota stats entry without a value: '" + pair + "'");
            }
            s.values.put(kv[0], Long.parseLong(kv[1]));
        }
        return s;
    }

    static QuotaStats of(long count, long bytes) {
        QuotaStats s = new QuotaStats();
        s.values.put("count", count);
        s.values.put("bytes", bytes);
        return s;
    }

    long count() {
        return values.getOrDefault("count", -1L);
    }

    long bytes() {
        return values.getOrDefault("bytes", -1L);
    }

    QuotaStats add(long countDiff, long bytesDiff) {
        values.put("count", count() + countDiff);
        values.put("bytes", bytes() + bytesDiff);
        return this;
    }

    byte[] toBytes() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("count=").append(count()).append(",bytes=").append(bytes());
        boolean first = true;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            if (e.getKey().equals("count") || e.getKey().equals("bytes")) {
                continue;
            }
            if (first) {
                b.append('=');
                first = false;
            }
            b.append(';').append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }
}
