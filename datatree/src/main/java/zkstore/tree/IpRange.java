package zkstore.tree;

/**
 * IPv4/IPv6 addresses and "address/bits" ranges as ZooKeeper's ip scheme reads them. ZooKeeper 3.9.3
 * itself only understands IPv4 (an IPv6 id is invalid there, so no ZooKeeper-made tree holds one);
 * matching also accepts IPv6 as an extension, while {@link #valid} keeps ZooKeeper's IPv4-only rule
 * so that prepared txns stay what ZooKeeper would log.
 */
final class IpRange {

    private IpRange() {
    }

    /** ZooKeeper 3.9.3's isValid: IPv4 address or IPv4 range only (it rejects IPv6 ids). */
    static boolean valid(String expr) {
        String[] parts = expr.split("/", 2);
        byte[] addr = v4(parts[0]);
        if (addr == null) {
            return false;
        }
        return parts.length == 1 || bits(parts[1], addr.length) >= 0;
    }

    static boolean matches(String clientAddress, String aclExpr) {
        String[] parts = aclExpr.split("/", 2);
        byte[] acl = bytes(parts[0]);
        if (acl == null) {
            return false;
        }
        int bits = acl.length * 8;
        if (parts.length == 2) {
            bits = bits(parts[1], acl.length);
            if (bits < 0) {
                return false;
            }
        }
        byte[] client = bytes(clientAddress);
        if (client == null || client.length != acl.length) {
            return false;
        }
        mask(acl, bits);
        mask(client, bits);
        return java.util.Arrays.equals(acl, client);
    }

    private static int bits(String s, int addrLength) {
        try {
            int b = Integer.parseInt(s);
            return b < 0 || b > addrLength * 8 ? -1 : b;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void mask(byte[] b, int bits) {
        int start = bits / 8;
        int startMask = ~((1 << (8 - (bits % 8))) - 1);
        while (start < b.length) {
            b[start] &= startMask;
            startMask = 0;
            start++;
        }
    }

    static byte[] bytes(String addr) {
        byte[] v4 = v4(addr);
        return v4 != null ? v4 : v6(addr);
    }

    private static byte[] v4(String addr) {
        String[] parts = addr.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            try {
                int v = Integer.parseInt(parts[i]);
                if (v < 0 || v > 255) {
                    return null;
                }
                b[i] = (byte) v;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return b;
    }

    private static byte[] v6(String addr) {
        if (addr.indexOf(':') < 0) {
            return null;
        }
        int dbl = addr.indexOf("::");
        if (dbl >= 0 && addr.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        String head = dbl >= 0 ? addr.substring(0, dbl) : addr;
        String tail = dbl >= 0 ? addr.substring(dbl + 2) : "";
        int[] h = groups(head, dbl < 0);
        int[] t = dbl >= 0 ? groups(tail, true) : new int[0];
        if (h == null || t == null) {
            return null;
        }
        int total = h.length + t.length;
        if (dbl < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < h.length; i++) {
            out[2 * i] = (byte) (h[i] >> 8);
            out[2 * i + 1] = (byte) h[i];
        }
        for (int i = 0; i < t.length; i++) {
            int g = 8 - t.length + i;
            out[2 * g] = (byte) (t[i] >> 8);
            out[2 * g + 1] = (byte) t[i];
        }
        return out;
    }

    /** 16-bit groups of a colon list; an IPv4 tail counts as two groups when allowed. */
    private static int[] groups(String s, boolean v4TailAllowed) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int extra = 0;
        byte[] v4 = null;
        if (v4TailAllowed && parts[parts.length - 1].contains(".")) {
            v4 = v4(parts[parts.length - 1]);
            if (v4 == null) {
                return null;
            }
            extra = 1;
        }
        int n = parts.length - (v4 != null ? 1 : 0);
        int[] out = new int[n + extra * 2];
        for (int i = 0; i < n; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            for (int k = 0; k < p.length(); k++) {
                if (Character.digit(p.charAt(k), 16) < 0) {
                    return null;
                }
            }
            out[i] = Integer.parseInt(p, 16);
        }
        if (v4 != null) {
            out[n] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
            out[n + 1] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
        }
        return out;
    }
}
