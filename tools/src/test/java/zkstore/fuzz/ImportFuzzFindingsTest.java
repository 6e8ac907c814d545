package zkstore.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zkstore.cli.UnusableInputException;
import zkstore.cli.imports.ExportReader;

/** Every input the import fuzz target found, as a named regression test (the inputs are minimised by hand). */
class ImportFuzzFindingsTest {

    @TempDir
    Path tmp;

    private UnusableInputException unusable(byte[] input, String... expected) throws Exception {
        Path file = tmp.resolve("export.jsonl");
        Files.write(file, input);
        UnusableInputException e = assertThrows(UnusableInputException.class, () -> ExportReader.read(file));
        assertTrue(e.getMessage().startsWith(file + " line "), e.getMessage());
        for (String s : expected) {
            assertTrue(e.getMessage().contains(s), e.getMessage());
        }
        ImportFuzzTarget.check(input);
        return e;
    }

    /** Brief run, mutation 3 of seed 1191996586928700081: a byte that is not UTF-8 escaped as MalformedInputException. */
    @Test
    void exportThatIsNotUtf8IsUnusableNamingFileAndLine() throws Exception {
        byte[] input = "{\"path\":\"/\"}\n{\"path\":\"/\u00e9\"}\n".getBytes(UTF_8);
        input[input.length - 5] = (byte) 0xc3;
        input[input.length - 4] = '"';
        unusable(input, "line 2", "not UTF-8");
    }

    /** Brief run: a zxid that is not a number ("0x0#,") escaped as NumberFormatException. */
    @Test
    void zxidThatIsNotANumberIsUnusableNamingTheField() throws Exception {
        unusable("{\"path\":\"/\",\"czxid\":\"0x0#,\"}\n".getBytes(UTF_8), "line 1", "\"czxid\"");
    }

    /** Brief run: data that is not base64 escaped as IllegalArgumentException from the decoder. */
    @Test
    void dataThatIsNotBase64IsUnusableNamingTheField() throws Exception {
        unusable("{\"path\":\"/\",\"data\":\"a=b\"}\n".getBytes(UTF_8), "line 1", "\"data\"");
    }
}
