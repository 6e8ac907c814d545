package zkstore.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AppendCaseTest {

  @Test
  void parsesSizeCommitAndForce() {
    assertEquals(new AppendCase(100, 1000, true), AppendCase.parse("100B-c1000-force"));
    assertEquals(new AppendCase(1024, 1, false), AppendCase.parse("1KiB-c1-noforce"));
  }

  @Test
  void rejectsAMalformedCase() {
    assertThrows(IllegalArgumentException.class, () -> AppendCase.parse("100B-1000-force"));
    assertThrows(IllegalArgumentException.class, () -> AppendCase.parse("2KiB-c1-force"));
  }
}
