package zkstore.cli.format;

import java.nio.charset.StandardCharsets;
import java.text.DateFormat;
import java.util.Date;
import java.util.List;
import zkstore.jute.JuteWriter;
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
import zkstore.record.TxnCodec;
import zkstore.record.TxnHeader;
import zkstore.record.TxnRecord;

/**
 * One txn as ZooKeeper's TxnLogToolkit prints it:
 * {@code <date> session 0x.. cxid 0x.. zxid 0x.. <op> <details>}, ending in exactly one newline.
 */
public final class TxnText {
  private final DateFormat dateFormat = DateFormat.getDateTimeInstance(DateFormat.SHORT, DateFormat.LONG);
  private long cachedSecond = Long.MIN_VALUE;
  private String cachedDate;

  /** The line for one txn, newline included. */
  public String line(TxnRecord rec) {
    TxnHeader h = rec.header();
    String s = date(h.time())
        + " session 0x" + Long.toHexString(h.clientId())
        + " cxid 0x" + Long.toHexString(h.cxid())
        + " zxid 0x" + Long.toHexString(h.zxid())
        + " " + OpCode.name(h.type())
        + " " + details(rec.body());
    return s.endsWith("\n") ? s : s + "\n";
  }

  /** The formatted date; the format has no sub-second field, so consecutive txns in one second share it. */
  private String date(long timeMs) {
    long second = Math.floorDiv(timeMs, 1000);
    if (second != cachedSecond) {
      cachedDate = dateFormat.format(new Date(timeMs));
      cachedSecond = second;
    }
    return cachedDate;
  }

  /** The text TxnLogToolkit shows after the op name. */
  public static String details(TxnBody body) {
    // A 3.4/3.5 closeSession has no body; ZooKeeper's toolkit then prints nothing, not an empty vector.
    if (body == null || body instanceof CloseSessionTxn c && c.bodyless()) {
      return "";
    }
    if (body instanceof CreateTxn c) {
      return c.path() + "," + utf8(c.data()) + "," + aclList(c.acl()) + "," + c.ephemeral() + "," + c.parentCVersion();
    }
    if (body instanceof SetDataTxn s) {
      return s.path() + "," + utf8(s.data()) + "," + s.version();
    }
    if (body instanceof CreateContainerTxn c) {
      return c.path() + "," + utf8(c.data()) + "," + aclList(c.acl()) + "," + c.parentCVersion();
    }
    if (body instanceof CreateTtlTxn c) {
      return c.path() + "," + utf8(c.data()) + "," + aclList(c.acl()) + "," + c.parentCVersion() + "," + c.ttl();
    }
    if (body instanceof MultiTxn m) {
      StringBuilder sb = new StringBuilder();
      for (SubTxn t : m.txns()) {
        if (sb.length() > 0) {
          sb.append(';');
        }
        sb.append(OpCode.name(t.type())).append(':').append(utf8(rawBytes(t.body())));
      }
      return sb.toString();
    }
    return recordCsv(body);
  }

  /** A body record's jute {@code toString()}, trailing newline included. */
  public static String recordCsv(TxnBody body) {
    JuteCsv csv = new JuteCsv().startRecord();
    if (body instanceof DeleteTxn d) {
      csv.writeString(d.path());
    } else if (body instanceof SetAclTxn s) {
      csv.writeString(s.path());
      aclVector(csv, s.acl());
      csv.writeInt(s.version());
    } else if (body instanceof CheckVersionTxn c) {
      csv.writeString(c.path()).writeInt(c.version());
    } else if (body instanceof CreateSessionTxn c) {
      csv.writeInt(c.timeOut());
    } else if (body instanceof CloseSessionTxn c) {
      csv.startVector();
      if (c.paths2Delete() != null) {
        c.paths2Delete().forEach(csv::writeString);
      }
      csv.endVector();
    } else if (body instanceof ErrorTxn e) {
      csv.writeInt(e.err());
    } else if (body instanceof SetDataTxn s) {
      csv.writeString(s.path()).writeBuffer(s.data()).writeInt(s.version());
    } else if (body instanceof CreateTxn c) {
      csv.writeString(c.path()).writeBuffer(c.data());
      aclVector(csv, c.acl());
      csv.writeBool(c.ephemeral()).writeInt(c.parentCVersion());
    } else if (body instanceof CreateContainerTxn c) {
      csv.writeString(c.path()).writeBuffer(c.data());
      aclVector(csv, c.acl());
      csv.writeInt(c.parentCVersion());
    } else if (body instanceof CreateTtlTxn c) {
      csv.writeString(c.path()).writeBuffer(c.data());
      aclVector(csv, c.acl());
      csv.writeInt(c.parentCVersion()).writeLong(c.ttl());
    } else if (body instanceof MultiTxn m) {
      csv.startVector();
      for (SubTxn t : m.txns()) {
        csv.startRecord().writeInt(t.type()).writeBuffer(rawBytes(t.body())).endRecord();
      }
      csv.endVector();
    }
    return csv.endRecord().toString();
  }

  /** A Java {@code List<ACL>.toString()} of ZooKeeper ACL records: {@code [31,s{'world,'anyone}\n]}. */
  public static String aclList(List<Acl> acl) {
    if (acl == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < acl.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      Acl a = acl.get(i);
      sb.append(new JuteCsv().startRecord().writeInt(a.perms())
          .startRecord().writeString(a.id().scheme()).writeString(a.id().id()).endRecord()
          .endRecord());
    }
    return sb.append(']').toString();
  }

  private static void aclVector(JuteCsv csv, List<Acl> acl) {
    csv.startVector();
    if (acl != null) {
      for (Acl a : acl) {
        csv.startRecord().writeInt(a.perms())
            .startRecord().writeString(a.id().scheme()).writeString(a.id().id()).endRecord()
            .endRecord();
      }
    }
    csv.endVector();
  }

  /** The serialized sub-record of a multi op, as it sits in the log. */
  static byte[] rawBytes(TxnBody body) {
    if (body == null) {
      return new byte[0];
    }
    JuteWriter w = new JuteWriter();
    TxnCodec.encodeBody(body, w);
    return w.toByteArray();
  }

  private static String utf8(byte[] data) {
    return data == null || data.length == 0 ? "" : new String(data, StandardCharsets.UTF_8);
  }
}
