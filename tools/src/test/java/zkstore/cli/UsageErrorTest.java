package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A mistyped argument is a usage error (exit 2) that says which option and value, never an internal error. */
class UsageErrorTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "restore /nonexistent --out /tmp/zkstore-unused-out --to-zxid zz | --to-zxid | 'zz'",
      "restore /nonexistent --out /tmp/zkstore-unused-out --to-zxid 0x | --to-zxid | '0x'",
      "chop /nonexistent/log.1 --zxid 1.5 | --zxid | '1.5'",
      "log dump /nonexistent --from-zxid 0xq | --from-zxid | '0xq'",
      "log dump /nonexistent --to-zxid ten | --to-zxid | 'ten'",
      "log dump /nonexistent --session 0x1000000a1b2000g | --session | '0x1000000a1b2000g'",
  })
  void aValueThatIsNoNumberNamesTheOptionAndTheValue(String args, String option, String value) {
    Cli.Result r = Cli.run(args.split(" "));
    assertEquals(2, r.code(), r.toString());
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(first.contains(option) && first.contains(value) && first.contains("hex"), r.toString());
    assertFalse(r.err().contains("internal error") || r.err().contains("Exception"), r.toString());
    assertTrue(r.err().contains("--help' for more."), r.toString());
  }

  @Test
  void aMistypedCommandGetsASuggestion() {
    Cli.Result r = Cli.run("verfy", "/nonexistent");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("Did you mean: zkstore verify"), r.toString());
  }

  @Test
  void aMistypedOptionGetsASuggestion() {
    Cli.Result r = Cli.run("log", "dump", "--jsn", "/nonexistent");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("zkstore log dump: Unknown option: '--jsn'"), r.toString());
    assertTrue(r.err().contains("--json"), r.toString());
  }
}
