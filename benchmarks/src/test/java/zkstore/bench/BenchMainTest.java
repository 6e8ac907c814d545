package zkstore.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import zkstore.runtime.JvmFlags;

class BenchMainTest {
  static final String FLAGS = String.join(" ", JvmFlags.all());

  @Test
  void forksGetZkStoreFlagsAheadOfTheUsersArguments() {
    assertArrayEquals(new String[] {"-jvmArgsPrepend", FLAGS, "-f", "1", "LogAppend"},
        BenchMain.withZkStoreFlags(new String[] {"-f", "1", "LogAppend"}));
  }

  @Test
  void aUserPrependIsKeptAfterZkStoreFlags() {
    String[] out = BenchMain.withZkStoreFlags(new String[] {"-jvmArgsPrepend", "-Xss4m", "-l"});
    assertEquals(FLAGS + " -Xss4m", out[1]);
    assertEquals(3, out.length);
  }
}
