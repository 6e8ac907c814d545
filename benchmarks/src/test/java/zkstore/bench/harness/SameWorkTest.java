package zkstore.bench.harness;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SameWorkTest {

  @Test
  void equalWorkPasses() {
    assertDoesNotThrow(() -> SameWork.require("b", "w", new Work(3, 4, 5), new Work(3, 4, 5)));
  }

  @Test
  void fewerItemsFailsNamingBothCounts() {
    WorkMismatchException e = assertThrows(WorkMismatchException.class,
        () -> SameWork.require("LogAppendBench", "log written", new Work(1000, 187016, 7), new Work(999, 187016, 7)));
    assertTrue(e.getMessage().contains("items expected 1000 but was 999"), e.getMessage());
    assertTrue(e.getMessage().startsWith("LogAppendBench"), e.getMessage());
  }

  @Test
  void fewerBytesFails() {
    WorkMismatchException e = assertThrows(WorkMismatchException.class,
        () -> SameWork.require("b", "w", new Work(1, 200, 7), new Work(1, 187, 7)));
    assertTrue(e.getMessage().contains("bytes expected 200 but was 187"), e.getMessage());
  }

  @Test
  void differentDigestFails() {
    WorkMismatchException e = assertThrows(WorkMismatchException.class,
        () -> SameWork.require("b", "w", new Work(1, 2, 0xabc), new Work(1, 2, 0xabd)));
    assertTrue(e.getMessage().contains("fingerprint expected 0xabc but was 0xabd"), e.getMessage());
  }

  @Test
  void zkstoreTrialFailsWhenItsWorkDiffersFromZooKeepers() {
    assertThrows(WorkMismatchException.class, () -> PairCheck.require("b", "w", Side.ZKSTORE,
        () -> new Work(10, 0, 0), () -> new Work(9, 0, 0)));
  }

  @Test
  void zookeeperTrialReturnsTheReferenceWithoutRunningZkstore() {
    Work w = PairCheck.require("b", "w", Side.ZOOKEEPER, () -> new Work(10, 0, 0), () -> {
      throw new AssertionError("zkstore must not run in a ZooKeeper trial");
    });
    assertTrue(w.items() == 10);
  }
}
