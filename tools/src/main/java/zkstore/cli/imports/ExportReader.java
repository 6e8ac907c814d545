package zkstore.cli.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import zkstore.cli.UnusableInputException;
import zkstore.cli.format.Hex;
import zkstore.cli.source.NodeView;
import zkstore.prep.PathValidator;
import zkstore.record.Acl;
import zkstore.record.Id;
import zkstore.record.StatPersisted;

/** Reads {@code export --json} output (one znode object per line) back into nodes, sorted by path. */
public final class ExportReader {
  private ExportReader() {}

  /** Reads an export file as {@code zkstore import FILE} does; errors name the file. */
  public static TreeMap<String, NodeView> read(Path file) throws IOException {
    return read(Files.newInputStream(file), file.toString());
  }

  /** Reads an export from a stream of UTF-8 text (closed afterwards); errors name {@code source}. */
  public static TreeMap<String, NodeView> read(InputStream in, String source) throws IOException {
    try (Reader r = new StrictUtf8Reader(in, source)) {
      return read(r, source);
    }
  }

  public static TreeMap<String, NodeView> read(Reader in, String source) throws IOException {
    TreeMap<String, NodeView> nodes = new TreeMap<>();
    JsonParser p = new JsonFactory().createParser(in);
    try (p) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t != JsonToken.START_OBJECT) {
          throw bad(source, p, "expected one JSON object per znode");
        }
        NodeView n = node(p, source);
        if (nodes.put(n.path(), n) != null) {
          throw bad(source, p, "path " + n.path() + " appears twice");
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UnusableInputException(source + ": not a zkstore export (" + e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr() + ")");
    } catch (CharacterCodingException e) {
      throw bad(source, p, "not UTF-8 text");
    }
    if (nodes.isEmpty() || !nodes.containsKey("/")) {
      throw new UnusableInputException(source + ": not a zkstore export (no root node \"/\")");
    }
    for (String path : nodes.keySet()) {
      if (!path.equals("/") && !nodes.containsKey(zkstore.cli.source.TreeImage.parentOf(path))) {
        throw new UnusableInputException(source + ": node " + path + " has no parent in the export");
      }
    }
    return nodes;
  }

  private static NodeView node(JsonParser p, String source) throws IOException {
    String path = null;
    byte[] data = null;
    long czxid = 0, mzxid = 0, pzxid = 0, ctime = 0, mtime = 0, owner = 0;
    int version = 0, cversion = 0, aversion = 0;
    List<Acl> acl = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      try {
        switch (field) {
          case "path" -> path = string(p, source, field);
          case "data" -> data = v == JsonToken.VALUE_NULL ? null : Base64.getDecoder().decode(p.getText());
          case "czxid" -> czxid = Hex.parse(p.getText());
          case "mzxid" -> mzxid = Hex.parse(p.getText());
          case "pzxid" -> pzxid = Hex.parse(p.getText());
          case "ephemeralOwner" -> owner = Hex.parse(p.getText());
          case "ctime" -> ctime = p.getLongValue();
          case "mtime" -> mtime = p.getLongValue();
          case "version" -> version = p.getIntValue();
          case "cversion" -> cversion = p.getIntValue();
          case "aversion" -> aversion = p.getIntValue();
          case "acl" -> acl = acl(p, source);
          default -> p.skipChildren();
        }
      } catch (IllegalArgumentException e) {
        throw bad(source, p, "\"" + field + "\": " + e.getMessage());
      }
    }
    if (path == null || !path.startsWith("/")) {
      throw bad(source, p, "a znode object without an absolute \"path\"");
    }
    String invalid = PathValidator.problem(path);
    if (invalid != null) {
      throw bad(source, p, "\"path\" is not a valid znode path (" + invalid + ")");
    }
    StatPersisted stat = new StatPersisted(czxid, mzxid, ctime, mtime, version, cversion, aversion, owner, pzxid);
    return new NodeView(path, data, stat, acl == null ? Acl.OPEN_ACL_UNSAFE : acl, 0);
  }

  private static List<Acl> acl(JsonParser p, String source) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw bad(source, p, "\"acl\" is not an array");
    }
    List<Acl> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        throw bad(source, p, "an ACL entry that is not an object");
      }
      int perms = 0;
      String scheme = null;
      String id = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        p.nextToken();
        switch (f) {
          case "perms" -> perms = p.getIntValue();
          case "scheme" -> scheme = string(p, source, "scheme");
          case "id" -> id = string(p, source, "id");
          default -> p.skipChildren();
        }
      }
      if (scheme == null || id == null) {
        throw bad(source, p, "an ACL entry without scheme or id");
      }
      out.add(new Acl(perms, new Id(scheme, id)));
    }
    return out;
  }

  /** A string field's text; a non-string or a lone surrogate (which no ZooKeeper file can hold) is unusable. */
  private static String string(JsonParser p, String source, String field) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw bad(source, p, "\"" + field + "\" is not a string");
    }
    String s = p.getText();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw bad(source, p, "\"" + field + "\" holds a lone surrogate \\u" + Integer.toHexString(c));
      }
    }
    return s;
  }

  private static UnusableInputException bad(String source, JsonParser p, String what) {
    return new UnusableInputException(source + " line " + p.currentLocation().getLineNr() + ": " + what);
  }
}
