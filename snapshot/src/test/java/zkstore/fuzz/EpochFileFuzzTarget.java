package zkstore.fuzz;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import zkstore.jute.FormatException;
import zkstore.snapshot.EpochFile;

/**
 * Fuzz target for the epoch files: the input is the content of {@code currentEpoch}. Properties: reading
 * returns a value or throws FormatException; an accepted value is what ZooKeeper's own reading (first
 * line through a UTF-8 reader, {@code Long.parseLong}) gives; for ASCII content the two accept the same
 * files; a written epoch reads back.
 */
public final class EpochFileFuzzTarget {

    /** Corpus directory name under src/test/resources/fuzz/. */
    public static final String NAME = "epoch";

    private static Path scratch;

    private EpochFileFuzzTarget() {
    }

    public static void check(byte[] input) throws IOException {
        Path dir = scratch();
        EpochFile file = EpochFile.current(dir);
        Files.write(file.path(), input);
        OptionalLong ours;
        try {
            ours = file.read();
        } catch (FormatException e) {
            ours = OptionalLong.empty();
        }
        Long theirs = zooKeeperReading(input);
        if (ours.isPresent() && (theirs == null || theirs != ours.getAsLong())) {
            throw new AssertionError("zkstore read epoch " + ours.getAsLong() + ", ZooKeeper " + theirs);
        }
        boolean ascii = true;
        for (byte b : input) {
            ascii &= b >= 0;
        }
        if (ascii && input.length <= 64 && theirs != null && ours.isEmpty()) {
            throw new AssertionError("ZooKeeper reads epoch " + theirs + " that zkstore rejects");
        }
        if (ours.isPresent()) {
            file.write(ours.getAsLong());
            if (file.read().getAsLong() != ours.getAsLong()) {
                throw new AssertionError("epoch " + ours.getAsLong() + " does not read back");
            }
        }
    }

    /** ZooKeeper's QuorumPeer.readLongFromFile: first line through a reader in the platform charset, parseLong. */
    private static Long zooKeeperReading(byte[] input) {
        try (BufferedReader br = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(input),
                StandardCharsets.UTF_8))) {
            String line = br.readLine();
            return Long.parseLong(line);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static synchronized Path scratch() throws IOException {
        if (scratch == null) {
            scratch = FuzzScratch.create("zkstore-fuzz-epoch");
        }
        return scratch;
    }
}
