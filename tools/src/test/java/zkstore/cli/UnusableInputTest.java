package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Every command, given a missing path, a garbage dir, a zero-length file or another program's file, exits 2 with one line. */
class UnusableInputTest {
  @TempDir
  static Path tmp;
  static Path missing;
  static Path garbageDir;
  static Path empty;
  static Path foreign;
  static Path foreignDir;

  @BeforeAll
  static void inputs() throws Exception {
    missing = tmp.resolve("no-such-dir");
    garbageDir = Files.createDirectories(tmp.resolve("garbage"));
    Files.write(garbageDir.resolve("notes.txt"), "hello".getBytes());
    Files.write(garbageDir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
    empty = Files.createFile(tmp.resolve("log.1"));
    foreign = tmp.resolve("archive.zip");
    byte[] zip = new byte[256];
    zip[0] = 'P';
    zip[1] = 'K';
    zip[2] = 3;
    zip[3] = 4;
    Files.write(foreign, zip);
    foreignDir = Files.createDirectories(tmp.resolve("foreign/version-2"));
    Files.write(foreignDir.resolve("log.1"), zip);
    Files.write(foreignDir.resolve("snapshot.0"), zip);
  }

  /** Commands whose argument is a data dir, and those whose argument is a file. */
  static final List<String[]> DIR_COMMANDS = List.<String[]>of(
      new String[] {"log", "dump"}, new String[] {"verify"}, new String[] {"export"},
      new String[] {"restore", "--to-zxid", "1", "--out", "/tmp/zkstore-unused-out"},
      new String[] {"recover", "--out", "/tmp/zkstore-unused-out"}, new String[] {"purge", "--keep", "1"});
  static final List<String[]> FILE_COMMANDS = List.<String[]>of(
      new String[] {"log", "dump"}, new String[] {"snapshot", "dump"}, new String[] {"chop", "--zxid", "1"},
      new String[] {"import", "--out", "/tmp/zkstore-unused-out"});

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String[] c : DIR_COMMANDS) {
      out.add(Arguments.of(String.join(" ", c), c, "missing"));
      out.add(Arguments.of(String.join(" ", c), c, "garbageDir"));
      out.add(Arguments.of(String.join(" ", c), c, "foreignDir"));
    }
    for (String[] c : FILE_COMMANDS) {
      out.add(Arguments.of(String.join(" ", c), c, "missing"));
      out.add(Arguments.of(String.join(" ", c), c, "empty"));
      out.add(Arguments.of(String.join(" ", c), c, "foreign"));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} on {2}")
  @MethodSource("cases")
  void exitsTwoWithOneLineNamingTheInput(String name, String[] command, String input) {
    Path p = switch (input) {
      case "missing" -> missing;
      case "garbageDir" -> garbageDir;
      case "foreignDir" -> foreignDir;
      case "empty" -> empty;
      default -> foreign;
    };
    List<String> args = new ArrayList<>(List.of(command));
    args.add(p.toString());
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertEquals(2, r.code(), r.toString());
    assertEquals(1, r.err().lines().count(), r.toString());
    assertTrue(r.err().contains(p.getFileName().toString()), r.toString());
  }
}
