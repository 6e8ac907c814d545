package zkstore.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import zkstore.jute.FormatException;
import zkstore.snapshot.SnapshotReadOptions;
import zkstore.snapshot.SnapshotReadResult;
import zkstore.snapshot.SnapshotReader;
import zkstore.snapshot.SnapshotWriteOptions;
import zkstore.snapshot.SnapshotWriter;

/**
 * Fuzz targets for the snapshot reader: the input is a snapshot file named {@code snapshot.1},
 * {@code snapshot.1.gz} or {@code snapshot.1.snappy}. Properties: only FormatException escapes; allocation
 * stays within 64 bytes per input byte plus 1 MiB (with a 64 KiB read buffer); what is accepted, written
 * back by zkstore's writer in the layout read, reads back to the same sessions, ACLs, nodes, digest and
 * lastProcessedZxid.
 */
public final class SnapshotFuzzTarget {

    /** Corpus directory names under src/test/resources/fuzz/. */
    public static final String PLAIN = "snapshot-plain";
    public static final String GZ = "snapshot-gz";
    public static final String SNAPPY = "snapshot-snappy";

    private static final SnapshotReader READER = new SnapshotReader(
            new SnapshotReadOptions(SnapshotReadOptions.DEFAULT_MAX_FIELD_LENGTH, 64 * 1024));
    private static Path scratch;

    private SnapshotFuzzTarget() {
    }

    public static void checkPlain(byte[] input) throws IOException {
        check(input, "snapshot.1");
    }

    public static void checkGz(byte[] input) throws IOException {
        check(input, "snapshot.1.gz");
    }

    public static void checkSnappy(byte[] input) throws IOException {
        check(input, "snapshot.1.snappy");
    }

    private static void check(byte[] input, String name) throws IOException {
        Path file = scratch().resolve(name);
        Files.write(file, input);
        AllocationMeter.check("SnapshotReader " + name, input.length, 64, 1 << 20, () -> readQuietly(file));
        SnapshotContent first = new SnapshotContent();
        SnapshotReadResult read;
        try {
            read = READER.read(file, first);
        } catch (FormatException rejected) {
            return;
        }
        checkRewrite(first, read);
    }

    private static void readQuietly(Path file) {
        try {
            READER.read(file, new SnapshotContent());
        } catch (FormatException expected) {
            // either outcome is fine here; only the allocation is measured
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkRewrite(SnapshotContent first, SnapshotReadResult read) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SnapshotWriter(SnapshotWriteOptions.DEFAULT.withLayout(read.layout())).serialize(first.asSource(read), out);
        SnapshotContent second = new SnapshotContent();
        SnapshotReadResult again;
        try {
            again = READER.read(new ByteArrayInputStream(out.toByteArray()), "rewritten", read.nameZxid(), second);
        } catch (FormatException e) {
            throw new AssertionError("zkstore cannot read back what it wrote from an accepted snapshot " + first, e);
        }
        if (!first.hasSurrogates() && !first.sameAs(second)) {
            throw new AssertionError("rewritten snapshot reads back differently: " + first + " vs " + second);
        }
        if (again.layout() != read.layout() || !java.util.Objects.equals(again.digest(), read.digest())
                || !again.lastProcessedZxid().equals(read.lastProcessedZxid()) || again.nodes() != read.nodes()) {
            throw new AssertionError("rewritten snapshot sections differ: " + read + " vs " + again);
        }
    }

    private static synchronized Path scratch() throws IOException {
        if (scratch == null) {
            scratch = FuzzScratch.create("zkstore-fuzz-snapshot");
        }
        return scratch;
    }
}
