package zkstore.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.jute.FormatException;

class EpochFileTest {
  @TempDir
  Path tmp;

  @Test
  void writesAsciiDecimalWithoutNewlineAndReadsItBack() throws Exception {
    EpochFile f = EpochFile.current(tmp);
    assertEquals(OptionalLong.empty(), f.read());
    f.write(18);
    assertArrayEquals("18".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(tmp.resolve("currentEpoch")));
    assertEquals(OptionalLong.of(18), f.read());
    f.write(-1);
    assertEquals(OptionalLong.of(-1), f.read());
    assertFalse(Files.exists(f.temporaryPath()));
    EpochFile.accepted(tmp).write(Long.MAX_VALUE);
    assertEquals(OptionalLong.of(Long.MAX_VALUE), EpochFile.accepted(tmp).read());
  }

  @Test
  void readsWhatZooKeepersReaderAcceptsIncludingATrailingNewline() throws Exception {
    Files.writeString(tmp.resolve("acceptedEpoch"), "7\n");
    assertEquals(OptionalLong.of(7), EpochFile.accepted(tmp).read());
    Files.writeString(tmp.resolve("acceptedEpoch"), "+9\r\n");
    assertEquals(OptionalLong.of(9), EpochFile.accepted(tmp).read());
  }

  @Test
  void badContentNamesTheFileAndTheContent() throws Exception {
    for (String bad : new String[] {"", "abc", " 5", "5 ", "\n5", "99999999999999999999", "1.5"}) {
      Files.writeString(tmp.resolve("currentEpoch"), bad);
      FormatException e = assertThrows(FormatException.class, () -> EpochFile.current(tmp).read(), bad);
      assertTrue(e.getMessage().contains("currentEpoch"), e.getMessage());
      assertTrue(e.getMessage().contains("\"" + bad.replace("\n", "\\x0a") + "\""), e.getMessage());
    }
    Files.write(tmp.resolve("currentEpoch"), new byte[100]);
    assertThrows(FormatException.class, () -> EpochFile.current(tmp).read());
  }

  @Test
  void leftoverTemporaryIsReadableForZooKeepersRecoveryRule() throws Exception {
    Files.writeString(tmp.resolve("currentEpoch.tmp"), "4");
    assertEquals(OptionalLong.of(4), EpochFile.current(tmp).readTemporary());
  }

  @Test
  void failedForceLeavesTheOldValueAndNoTemporary() throws Exception {
    EpochFile good = EpochFile.current(tmp);
    good.write(3);
    EpochFile failing = EpochFile.at(tmp.resolve("currentEpoch"), new FileDurability() {
      @Override
      public void forceFile(FileChannel channel) throws IOException {
        throw new IOException("injected fsync failure");
      }

      @Override
      public void forceDirectory(Path dir) {}
    });
    assertThrows(IOException.class, () -> failing.write(4));
    assertEquals(OptionalLong.of(3), good.read());
    assertFalse(Files.exists(good.temporaryPath()));
  }
}
