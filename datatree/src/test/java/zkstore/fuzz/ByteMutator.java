package zkstore.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded, structure-blind mutations of corpus inputs for the brief fuzz runs of the default test run:
 * bit and byte flips, interesting 32-bit values (0, -1, -2, lengths near the limits), truncation,
 * inserted and deleted ranges, duplicated ranges and splices of two inputs.
 */
public final class ByteMutator {

    private static final int[] INTERESTING = {0, 1, -1, -2, 2, 12, 0x7F, 0x80, 0xFF, 0x7FFF, 0xFFFF, 2_097_150,
        2_097_151, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x42, 0x5A4B4C47, 0x5A4B534E};

    private final Random random;

    public ByteMutator(long seed) {
        this.random = new Random(seed);
    }

    /** A mutation of one of {@code corpus} (or of random bytes if the corpus is empty). */
    public byte[] next(List<byte[]> corpus) {
        byte[] base = corpus.isEmpty() ? randomBytes(random.nextInt(64)) : corpus.get(random.nextInt(corpus.size()));
        byte[] out = base.clone();
        int steps = 1 + random.nextInt(4);
        for (int i = 0; i < steps; i++) {
            out = mutateOnce(out, corpus);
        }
        return out;
    }

    private byte[] mutateOnce(byte[] in, List<byte[]> corpus) {
        if (in.length == 0) {
            return randomBytes(1 + random.nextInt(16));
        }
        byte[] b = in.clone();
        switch (random.nextInt(9)) {
            case 0 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            case 2 -> {
                if (b.length >= 4) {
                    int at = random.nextInt(b.length - 3);
                    int v = INTERESTING[random.nextInt(INTERESTING.length)];
                    b[at] = (byte) (v >>> 24);
                    b[at + 1] = (byte) (v >>> 16);
                    b[at + 2] = (byte) (v >>> 8);
                    b[at + 3] = (byte) v;
                }
            }
            case 3 -> b = Arrays.copyOf(b, random.nextInt(b.length));
            case 4 -> {
                int at = random.nextInt(b.length + 1);
                byte[] extra = randomBytes(1 + random.nextInt(16));
                b = splice(Arrays.copyOf(b, at), extra, Arrays.copyOfRange(b, at, b.length));
            }
            case 5 -> {
                int from = random.nextInt(b.length);
                int to = Math.min(b.length, from + 1 + random.nextInt(16));
                b = splice(Arrays.copyOf(b, from), new byte[0], Arrays.copyOfRange(b, to, b.length));
            }
            case 6 -> {
                int from = random.nextInt(b.length);
                int to = Math.min(b.length, from + 1 + random.nextInt(32));
                b = splice(Arrays.copyOf(b, to), Arrays.copyOfRange(b, from, to), Arrays.copyOfRange(b, to, b.length));
            }
            case 7 -> {
                if (!corpus.isEmpty()) {
                    byte[] other = corpus.get(random.nextInt(corpus.size()));
                    int cut = random.nextInt(b.length + 1);
                    int otherCut = random.nextInt(other.length + 1);
                    b = splice(Arrays.copyOf(b, cut), Arrays.copyOfRange(other, otherCut, other.length), new byte[0]);
                }
            }
            default -> {
                int at = random.nextInt(b.length);
                b[at] = (byte) (b[at] + random.nextInt(9) - 4);
            }
        }
        return b;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] splice(byte[] a, byte[] b, byte[] c) {
        byte[] out = Arrays.copyOf(a, a.length + b.length + c.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
    }
}
