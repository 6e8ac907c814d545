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

    /**
     * Probe of the round-trip property: a path holding a lone surrogate (JSON escape \ud800) imported, but
     * the snapshot's UTF-8 cannot hold it, so the node came back as another path.
     */
    @Test
    void pathWithALoneSurrogateIsUnusableInsteadOfImportedAsAnotherPath() throws Exception {
        unusable("{\"path\":\"/\"}\n{\"path\":\"/\\ud800\"}\n".getBytes(UTF_8), "line 2", "\"path\"");
    }

    /** Probe of the round-trip property: an ACL scheme "\udc00" came back as U+FFFD. */
    @Test
    void aclSchemeWithALoneSurrogateIsUnusable() throws Exception {
        unusable("{\"path\":\"/\",\"acl\":[{\"perms\":1,\"scheme\":\"\\udc00\",\"id\":\"x\"}]}\n".getBytes(UTF_8),
                "line 1", "\"scheme\"");
    }

    /** Probe: {@code "acl":5} as an object's last field was read as an empty ACL list (the reader lost its place). */
    @Test
    void aclThatIsNotAnArrayIsUnusableInsteadOfImportedAsEmpty() throws Exception {
        unusable("{\"path\":\"/\"}\n{\"path\":\"/a\",\"acl\":5}\n".getBytes(UTF_8), "line 2", "\"acl\" is not an array");
    }

    /** Probe: a number inside the ACL array ended the entry loop and desynchronised the reader. */
    @Test
    void aclEntryThatIsNotAnObjectIsUnusable() throws Exception {
        unusable("{\"path\":\"/\",\"acl\":[7]}\n".getBytes(UTF_8), "line 1", "ACL entry that is not an object");
    }

    /**
     * Jazzer, import target, after 415 s (262,744 runs): the path "//dldren0" (an empty node name) imported,
     * but the snapshot reader hangs it under no parent and the node vanished. Paths now follow ZooKeeper's rules.
     */
    @Test
    void pathWithAnEmptyNodeNameIsUnusableInsteadOfVanishing() throws Exception {
        unusable("{\"path\":\"/\"}\n{\"path\":\"//dldren0\"}\n".getBytes(UTF_8), "line 2", "empty node name");
    }

    /** The other paths ZooKeeper refuses: trailing '/', '.' and '..' names, control characters. */
    @Test
    void pathsZooKeeperRefusesAreUnusable() throws Exception {
        for (String path : new String[] {"/a/", "/.", "/a/..", "/a\\u0001", "/\\u0000", "/\\ufff0"}) {
            unusable(("{\"path\":\"/\"}\n{\"path\":\"/a\"}\n{\"path\":\"" + path + "\"}\n").getBytes(UTF_8),
                    "line 3", "not a valid znode path");
        }
    }
}
