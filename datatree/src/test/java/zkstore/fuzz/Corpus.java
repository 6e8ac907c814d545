package zkstore.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A fuzz target's seed corpus: the files under {@code src/test/resources/fuzz/<target>/} of the module
 * that owns the target, read from the test classpath ({@code /fuzz/<target>/}).
 */
public final class Corpus {

    private Corpus() {
    }

    /** The corpus files of {@code target} by file name, in name order; empty if there is no corpus. */
    public static Map<String, byte[]> load(Class<?> owner, String target) {
        URL url = owner.getResource("/fuzz/" + target);
        Map<String, byte[]> out = new TreeMap<>();
        if (url == null) {
            return out;
        }
        try {
            Path dir = Path.of(url.toURI());
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    out.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | java.nio.file.FileSystemNotFoundException e) {
            throw new IllegalStateException("corpus of " + target + " is not a directory: " + url, e);
        }
        return out;
    }

    /** The corpus inputs of {@code target}, in file-name order. */
    public static List<byte[]> inputs(Class<?> owner, String target) {
        return new ArrayList<>(load(owner, target).values());
    }

    /**
     * Writes {@code seeds} as {@code <prefix>-NN} files into {@code moduleDir/src/test/resources/fuzz/<target>},
     * for tests that (re)generate a corpus on request.
     */
    public static void write(Path moduleDir, String target, String prefix, List<byte[]> seeds) throws IOException {
        Path dir = moduleDir.resolve("src/test/resources/fuzz").resolve(target);
        Files.createDirectories(dir);
        for (int i = 0; i < seeds.size(); i++) {
            Files.write(dir.resolve(String.format("%s-%02d", prefix, i)), seeds.get(i));
        }
    }
}
