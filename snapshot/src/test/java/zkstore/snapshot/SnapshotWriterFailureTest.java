package zkstore.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A write that fails at any step leaves no file that ZooKeeper or zkstore would take for a snapshot. */
class SnapshotWriterFailureTest {
  @TempDir
  Path tmp;

  private static MemTree model() throws Exception {
    MemTree m = new MemTree();
    ZkTrees.Live live = ZkTrees.random(5, 50);
    SnapshotSource s = ZkTrees.source(live.tree, live.sessions);
    m.sessions.putAll(s.sessions());
    m.acls.putAll(s.aclMap());
    s.walk((path, data, aclKey, czxid, mzxid, ctime, mtime, version, cversion, aversion, owner, pzxid) ->
        m.nodes.put(path, new MemTree.Node(path, data, aclKey, new zkstore.record.StatPersisted(czxid, mzxid, ctime,
            mtime, version, cversion, aversion, owner, pzxid))));
    m.lastProcessedZxid = live.zxid;
    return m;
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static FileDurability failing(boolean file, boolean dir) {
    return new FileDurability() {
      @Override
      public void forceFile(FileChannel channel) throws IOException {
        if (file) {
          throw new IOException("injected fsync failure");
        }
      }

      @Override
      public void forceDirectory(Path d) throws IOException {
        if (dir) {
          throw new IOException("injected directory fsync failure");
        }
      }
    };
  }

  @ParameterizedTest
  @EnumSource(SnapshotCompression.class)
  void exceptionDuringTheWalkLeavesNothing(SnapshotCompression c) throws Exception {
    MemTree m = model();
    SnapshotSource broken = new SnapshotSource() {
      @Override
      public long lastProcessedZxid() {
        return m.lastProcessedZxid();
      }

      @Override
      public java.util.Map<Long, Integer> sessions() {
        return m.sessions();
      }

      @Override
      public java.util.Map<Long, List<zkstore.record.Acl>> aclMap() {
        return m.aclMap();
      }

      @Override
      public void walk(NodeOutput out) throws IOException {
        int[] n = {0};
        m.walk((path, data, aclKey, a, b, cc, d, e, f, g, h, i) -> {
          if (++n[0] == 5) {
            throw new IOException("injected walk failure");
          }
          out.node(path, data, aclKey, a, b, cc, d, e, f, g, h, i);
        });
      }

      @Override
      public SnapshotDigest digest() {
        return m.digest();
      }
    };
    SnapshotWriter writer = new SnapshotWriter(SnapshotWriteOptions.DEFAULT.withCompression(c).withBufferSize(1024));
    assertThrows(IOException.class, () -> writer.write(tmp, broken));
    assertEquals(List.of(), files());
  }

  @ParameterizedTest
  @EnumSource(SnapshotCompression.class)
  void failedFileForceLeavesNothing(SnapshotCompression c) throws Exception {
    SnapshotWriter writer = new SnapshotWriter(SnapshotWriteOptions.DEFAULT.withCompression(c), failing(true, false));
    assertThrows(IOException.class, () -> writer.write(tmp, model()));
    assertEquals(List.of(), files());
  }

  @ParameterizedTest
  @EnumSource(SnapshotCompression.class)
  void failedDirectoryForceRemovesTheRenamedSnapshot(SnapshotCompression c) throws Exception {
    SnapshotWriter writer = new SnapshotWriter(SnapshotWriteOptions.DEFAULT.withCompression(c), failing(false, true));
    assertThrows(IOException.class, () -> writer.write(tmp, model()));
    assertEquals(List.of(), files());
  }

  @ParameterizedTest
  @EnumSource(SnapshotCompression.class)
  void failedRewriteOfAnExistingSnapshotKeepsTheOldFile(SnapshotCompression c) throws Exception {
    MemTree m = model();
    SnapshotWriteResult first = new SnapshotWriter(SnapshotWriteOptions.DEFAULT.withCompression(c)).write(tmp, m);
    byte[] before = Files.readAllBytes(first.file().path());
    SnapshotWriter writer = new SnapshotWriter(SnapshotWriteOptions.DEFAULT.withCompression(c), failing(true, false));
    assertThrows(IOException.class, () -> writer.write(tmp, m));
    assertEquals(List.of(first.file().path().getFileName().toString()), files());
    assertArrayEquals(before, Files.readAllBytes(first.file().path()));
    new SnapshotReader().verify(first.file().path());
  }
}
