package zkstore.record;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/** Equality, hashing and printing helpers for records holding byte arrays and nullable lists. */
final class Values {

    private static final int SHOWN_BYTES = 32;

    private Values() {
    }

    static String describe(byte[] data) {
        if (data == null) {
            return "null";
        }
        int shown = Math.min(SHOWN_BYTES, data.length);
        return "[" + data.length + " bytes " + HexFormat.of().formatHex(data, 0, shown)
                + (shown < data.length ? "..." : "") + "]";
    }

    /** An unmodifiable copy that, unlike List.copyOf, keeps null elements; null stays null. */
    static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
