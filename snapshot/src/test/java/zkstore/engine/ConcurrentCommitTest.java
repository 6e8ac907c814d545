package zkstore.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.record.TxnCodec;

/**
 * Several writer threads, each applying the next txn in zxid order and then committing on its own (so the
 * commits overlap and share forces), while fuzzy snapshots run: the store restores, in zkstore and in
 * ZooKeeper, to exactly ZooKeeper's tree after the same txns.
 */
class ConcurrentCommitTest {
  @Test
  void overlappingCommitsFromSeveralThreadsLoseNothingAndRestoreInZooKeeper(@TempDir Path dir) throws Exception {
    long seed = Long.getLong("zkstore.seed", System.nanoTime());
    System.out.println("ConcurrentCommitTest seed " + seed);
    ZkWorkload workload = new ZkWorkload(seed);
    EngineConfig config = EngineConfig.of(dir).withEmptyStart(true).withSnapCount(200).withRollSeed(seed);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try (StorageEngine engine = StorageEngine.open(config)) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread thread = new Thread(() -> {
          try {
            for (int i = 0; i < 300; i++) {
              synchronized (workload) {
                engine.apply(TxnCodec.decodePayload(workload.next().payload()));
              }
              engine.commit();
            }
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          }
        });
        threads.add(thread);
        thread.start();
      }
      for (Thread t : threads) {
        t.join();
      }
      engine.awaitSnapshots();
    }
    assertEquals(null, failure.get());
    TreeView want = ZkOracle.view(workload.tree(), workload.sessions(), workload.lastZxid());
    assertEquals(1200, workload.lastZxid());
    assertEquals(List.of(), want.differences(RestoreDifferential.view(RestoreDifferential.zkstoreRestore(dir))),
        "seed " + seed);
    assertEquals(List.of(), want.differences(ZkOracle.restore(dir, dir, false)), "seed " + seed);
  }
}
