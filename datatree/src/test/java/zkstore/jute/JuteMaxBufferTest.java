package zkstore.jute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import zkstore.oracle.ChildJvm;

/** The limit zkstore derives from jute.maxbuffer settings is the one ZooKeeper's archive applies. */
class JuteMaxBufferTest {

  @Test
  void defaultLimitIsZooKeepersDefault() {
    assertEquals(2_097_150, JuteMaxBuffer.DEFAULT.limit());
    assertEquals(JuteReader.DEFAULT_MAX_LENGTH, JuteMaxBuffer.DEFAULT.limit());
  }

  @Test
  void limitMatchesZooKeeperStartedWithTheSameSystemProperties() throws Exception {
    int[][] settings = {{4 << 20, -1}, {100, -1}, {5000, 10}, {10, 3_000_000}, {2_000_000_000, -1},
        {1 << 20, 1 << 30}};
    for (int[] s : settings) {
      JuteMaxBuffer ours = s[1] < 0 ? JuteMaxBuffer.of(s[0]) : new JuteMaxBuffer(s[0], s[1]);
      int limit = ours.limit();
      List<String> flags = new ArrayList<>(List.of("-Djute.maxbuffer=" + s[0]));
      if (s[1] >= 0) {
        flags.add("-Dzookeeper.jute.maxbuffer.extrasize=" + s[1]);
      }
      List<String> answers = zooKeeperAnswers(flags, limit, limit == Integer.MAX_VALUE ? limit : limit + 1);
      assertEquals("accepted", answers.get(0), ours + ": ZooKeeper must accept " + limit);
      assertEquals(limit == Integer.MAX_VALUE ? "accepted" : "rejected", answers.get(1),
          ours + ": ZooKeeper must reject " + (limit + 1L));
    }
  }

  @Test
  void maxBufferForIsTheSmallestSettingThatAcceptsTheLength() {
    long seed = System.nanoTime();
    System.out.println("JuteMaxBufferTest seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 10_000; i++) {
      int bytes = i < 3000 ? i : random.nextInt(Integer.MAX_VALUE);
      int m = JuteMaxBuffer.maxBufferFor(bytes);
      assertTrue(JuteMaxBuffer.of(m).limit() >= bytes, "seed " + seed + ": " + bytes + " with " + m);
      if (m > 0) {
        assertTrue(JuteMaxBuffer.of(m - 1).limit() < bytes, "seed " + seed + ": " + bytes + " with " + (m - 1));
      }
    }
  }

  @Test
  void negativeMaxBufferIsRefusedAndASmallExtraSizeBecomes1024() {
    assertThrows(IllegalArgumentException.class, () -> JuteMaxBuffer.of(-1));
    assertEquals(1024, new JuteMaxBuffer(10, 5).extraSize());
    assertEquals("jute.maxbuffer=4194304", JuteMaxBuffer.of(4 << 20).toString());
    assertEquals("jute.maxbuffer=10, zookeeper.jute.maxbuffer.extrasize=2000", new JuteMaxBuffer(10, 2000).toString());
  }

  private static List<String> zooKeeperAnswers(List<String> flags, long... lengths) throws Exception {
    String[] args = java.util.Arrays.stream(lengths).mapToObj(Long::toString).toArray(String[]::new);
    return ChildJvm.run(flags, ZooKeeperLengthProbe.class, args);
  }
}
