package zkstore.cli.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import zkstore.cli.source.NodeView;
import zkstore.record.StatPersisted;

/** One znode as the export contract writes it (also used by snapshot dump and diff). */
public final class NodeJson {
  private NodeJson() {}

  /** Writes {@code {"path","data","czxid",...,"acl":[...]}} as one object. */
  public static void write(JsonGenerator g, NodeView n) throws IOException {
    g.writeStartObject();
    fields(g, n);
    g.writeEndObject();
  }

  /** The node's fields, without the enclosing braces. */
  public static void fields(JsonGenerator g, NodeView n) throws IOException {
    StatPersisted s = n.stat();
    g.writeStringField("path", n.path());
    TxnJson.data(g, n.data());
    g.writeStringField("czxid", Hex.of(s.czxid()));
    g.writeStringField("mzxid", Hex.of(s.mzxid()));
    g.writeStringField("pzxid", Hex.of(s.pzxid()));
    g.writeNumberField("ctime", s.ctime());
    g.writeNumberField("mtime", s.mtime());
    g.writeNumberField("version", s.version());
    g.writeNumberField("cversion", s.cversion());
    g.writeNumberField("aversion", s.aversion());
    g.writeStringField("ephemeralOwner", Hex.of(s.ephemeralOwner()));
    g.writeNumberField("dataLength", n.dataLength());
    g.writeNumberField("numChildren", n.numChildren());
    TxnJson.acl(g, n.acl());
  }
}
