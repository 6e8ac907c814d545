package zkstore.cli.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import zkstore.record.Acl;
import zkstore.record.CheckVersionTxn;
import zkstore.record.CloseSessionTxn;
import zkstore.record.CreateContainerTxn;
import zkstore.record.CreateSessionTxn;
import zkstore.record.CreateTtlTxn;
import zkstore.record.CreateTxn;
import zkstore.record.DeleteTxn;
import zkstore.record.ErrorTxn;
import zkstore.record.MultiTxn;
import zkstore.record.OpCode;
import zkstore.record.SetAclTxn;
import zkstore.record.SetDataTxn;
import zkstore.record.SubTxn;
import zkstore.record.TxnBody;
import zkstore.record.TxnDigest;
import zkstore.record.TxnHeader;
import zkstore.record.TxnRecord;

/**
 * One txn as one JSON object (the output contract): header fields, {@code type} as ZooKeeper names the
 * op, the body's fields by their ZooKeeper names, {@code ops} for a multi, {@code digest} when present.
 */
public final class TxnJson {
  private TxnJson() {}

  /** Writes the whole object for {@code rec}. */
  public static void write(JsonGenerator g, TxnRecord rec) throws IOException {
    TxnHeader h = rec.header();
    g.writeStartObject();
    g.writeStringField("zxid", Hex.of(h.zxid()));
    g.writeStringField("session", Hex.of(h.clientId()));
    g.writeNumberField("cxid", h.cxid());
    g.writeNumberField("time", h.time());
    g.writeStringField("type", OpCode.name(h.type()));
    if (rec.body() instanceof MultiTxn m) {
      g.writeArrayFieldStart("ops");
      for (SubTxn t : m.txns()) {
        g.writeStartObject();
        g.writeStringField("type", OpCode.name(t.type()));
        bodyFields(g, t.body());
        g.writeEndObject();
      }
      g.writeEndArray();
    } else {
      bodyFields(g, rec.body());
    }
    TxnDigest d = rec.digest();
    if (d != null) {
      g.writeObjectFieldStart("digest");
      g.writeNumberField("version", d.version());
      g.writeStringField("treeDigest", Hex.of(d.treeDigest()));
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** The body's fields, by the names ZooKeeper's jute records give them. */
  public static void bodyFields(JsonGenerator g, TxnBody body) throws IOException {
    if (body instanceof CreateTxn c) {
      g.writeStringField("path", c.path());
      data(g, c.data());
      acl(g, c.acl());
      g.writeBooleanField("ephemeral", c.ephemeral());
      g.writeNumberField("parentCVersion", c.parentCVersion());
    } else if (body instanceof CreateContainerTxn c) {
      g.writeStringField("path", c.path());
      data(g, c.data());
      acl(g, c.acl());
      g.writeNumberField("parentCVersion", c.parentCVersion());
    } else if (body instanceof CreateTtlTxn c) {
      g.writeStringField("path", c.path());
      data(g, c.data());
      acl(g, c.acl());
      g.writeNumberField("parentCVersion", c.parentCVersion());
      g.writeNumberField("ttl", c.ttl());
    } else if (body instanceof DeleteTxn d) {
      g.writeStringField("path", d.path());
    } else if (body instanceof SetDataTxn s) {
      g.writeStringField("path", s.path());
      data(g, s.data());
      g.writeNumberField("version", s.version());
    } else if (body instanceof SetAclTxn s) {
      g.writeStringField("path", s.path());
      acl(g, s.acl());
      g.writeNumberField("version", s.version());
    } else if (body instanceof CheckVersionTxn c) {
      g.writeStringField("path", c.path());
      g.writeNumberField("version", c.version());
    } else if (body instanceof CreateSessionTxn c) {
      g.writeNumberField("timeOut", c.timeOut());
    } else if (body instanceof CloseSessionTxn c) {
      if (c.paths2Delete() != null) {
        g.writeArrayFieldStart("paths2Delete");
        for (String p : c.paths2Delete()) {
          g.writeString(p);
        }
        g.writeEndArray();
      }
    } else if (body instanceof ErrorTxn e) {
      g.writeNumberField("err", e.err());
    }
  }

  /** {@code "data"}: base64, or null for null data. */
  public static void data(JsonGenerator g, byte[] data) throws IOException {
    g.writeFieldName("data");
    if (data == null) {
      g.writeNull();
    } else {
      g.writeBinary(data);
    }
  }

  /** {@code "acl":[{"perms","scheme","id"}]}. */
  public static void acl(JsonGenerator g, List<Acl> acl) throws IOException {
    g.writeFieldName("acl");
    if (acl == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray();
    for (Acl a : acl) {
      g.writeStartObject();
      g.writeNumberField("perms", a.perms());
      g.writeStringField("scheme", a.id().scheme());
      g.writeStringField("id", a.id().id());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
