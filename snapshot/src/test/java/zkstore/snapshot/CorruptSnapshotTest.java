package zkstore.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import zkstore.jute.FormatException;
import zkstore.tree.TreeOptions;

/**
 * Every torn and every bit-rotted copy of a small snapshot: each read either fails with a FormatException or,
 * where the damage cannot be seen (a cut exactly at a seal boundary leaves an older layout; gzip header bytes
 * that nothing checks), yields exactly the original content.
 */
class CorruptSnapshotTest {
  @TempDir
  Path tmp;

  /** Each variant gets a new name: rewriting one file in place makes ext4 flush it on close (auto_da_alloc). */
  private long reads;

  private byte[] original(SnapshotCompression c, long seed) throws Exception {
    ZkTrees.Live live = ZkTrees.random(seed, 12);
    Path dir = Files.createDirectories(tmp.resolve("orig"));
    Path file = dir.resolve(SnapshotFileName.of(live.zxid, c).name());
    ZkTrees.write(live.tree, live.sessions, file, c, SnapshotLayout.DIGEST_AND_LAST_ZXID);
    return Files.readAllBytes(file);
  }

  /** Reads {@code bytes} as a snapshot of codec {@code c} through the whole zkstore load, finish included. */
  private Outcome read(SnapshotCompression c, byte[] bytes) throws Exception {
    Path file = tmp.resolve(SnapshotFileName.of(++reads, c).name());
    Files.write(file, bytes);
    try {
      TreeSnapshots.load(file, new SnapshotReader(), TreeOptions.DEFAULT);
      MemTree model = new MemTree();
      SnapshotReadResult r = new SnapshotReader().read(file, model);
      return new Outcome(r, model.flat(), null);
    } catch (FormatException e) {
      assertTrue(e.file() != null && e.file().endsWith(file.getFileName().toString()), e.getMessage());
      return new Outcome(null, null, e);
    } catch (RuntimeException e) {
      throw new AssertionError("unchecked exception instead of FormatException", e);
    } finally {
      Files.delete(file);
    }
  }

  private static final int[] MASKS = {0x01, 0x80, 0xff, 0x10, 0x5a};

  /** Every offset of the plain file always; of compressed files every third one unless -Pheavy. */
  private static int stride(SnapshotCompression c) {
    return c == SnapshotCompression.NONE || Seeds.heavy() ? 1 : 3;
  }

  record Outcome(SnapshotReadResult result, Map<String, String> flat, FormatException error) {}

  @ParameterizedTest
  @EnumSource(SnapshotCompression.class)
  void everyTruncationFailsOrIsACleanOlderLayout(SnapshotCompression c) throws Exception {
    byte[] full = original(c, Seeds.seed("truncation " + c));
    Outcome whole = read(c, full);
    assertEquals(SnapshotLayout.DIGEST_AND_LAST_ZXID, whole.result().layout());
    long logical = whole.result().logicalBytes();
    int olderLayouts = 0;
    for (int len = 0; len < full.length; len += stride(c)) {
      byte[] cut = java.util.Arrays.copyOf(full, len);
      Outcome o = read(c, cut);
      if (o.error() != null) {
        if (c == SnapshotCompression.NONE) {
          assertTrue(o.error().offset() >= 0 && o.error().offset() <= len, o.error().getMessage());
        }
        continue;
      }
      assertEquals(whole.flat(), o.flat(), "cut at " + len);
      assertTrue(o.result().layout() != SnapshotLayout.DIGEST_AND_LAST_ZXID, "cut at " + len + " read as whole");
      if (c == SnapshotCompression.NONE) {
        long expected = o.result().layout() == SnapshotLayout.SEAL_ONLY ? logical - 20 - 13 - 8 - 13 : logical - 8 - 13;
        assertEquals(expected, len, "only a cut right after seal 1 or seal 2 reads");
      }
      olderLayouts++;
    }
    if (c == SnapshotCompression.NONE) {
      assertEquals(2, olderLayouts);
    }
  }

  @ParameterizedTest
  @EnumSource(SnapshotCompression.class)
  void everyFlippedByteFailsOrLeavesTheContentUnchanged(SnapshotCompression c) throws Exception {
    byte[] full = original(c, Seeds.seed("flip " + c));
    Outcome whole = read(c, full);
    int undetected = 0;
    for (int i = 0; i < full.length; i += stride(c)) {
      int[] masks = Seeds.heavy() ? new int[] {0x01, 0x80, 0xff} : new int[] {MASKS[i % MASKS.length]};
      for (int mask : masks) {
        byte[] bad = full.clone();
        bad[i] ^= (byte) mask;
        Outcome o = read(c, bad);
        if (o.error() != null) {
          continue;
        }
        if (c == SnapshotCompression.NONE) {
          fail("flip 0x" + Integer.toHexString(mask) + " at " + i + " not detected");
        }
        assertEquals(whole.flat(), o.flat(), "undetected flip at " + i + " changed the content");
        assertEquals(whole.result().digest(), o.result().digest());
        undetected++;
      }
    }
    System.out.println(c + ": " + full.length + " bytes, " + undetected + " flips harmless (compressed framing only)");
  }
}
