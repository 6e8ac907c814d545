package zkstore.cli.command;

import java.util.List;
import picocli.CommandLine.Option;
import zkstore.record.MultiTxn;
import zkstore.record.OpCode;
import zkstore.record.PathTxn;
import zkstore.record.SubTxn;
import zkstore.record.TxnBody;
import zkstore.record.TxnRecord;

/** The txn filters of {@code log dump}: zxid range, session, path prefix, op type (all must match). */
final class TxnFilter {
  @Option(names = "--from-zxid", paramLabel = "Z", converter = HexOrDecimal.class,
      description = "Only txns with zxid >= Z (hex 0x.. or decimal).")
  Long fromZxid;

  @Option(names = "--to-zxid", paramLabel = "Z", converter = HexOrDecimal.class,
      description = "Only txns with zxid <= Z.")
  Long toZxid;

  @Option(names = "--session", paramLabel = "ID", converter = HexOrDecimal.class,
      description = "Only txns of this session (0x.. or decimal).")
  Long session;

  @Option(names = "--path", paramLabel = "PREFIX", description = "Only txns touching a path starting with PREFIX (multi: any op).")
  String pathPrefix;

  @Option(names = "--type", paramLabel = "OP", split = ",",
      description = "Only these ops, by ZooKeeper's names (create, create2, setData, multi, closeSession, ...); a multi matches when any op does.")
  List<String> types;

  long from() {
    return fromZxid == null ? Long.MIN_VALUE : fromZxid;
  }

  long to() {
    return toZxid == null ? Long.MAX_VALUE : toZxid;
  }

  boolean matches(TxnRecord rec) {
    long zxid = rec.header().zxid();
    if (zxid < from() || zxid > to()) {
      return false;
    }
    if (session != null && rec.header().clientId() != session) {
      return false;
    }
    if (types != null && !types.isEmpty() && !typeMatches(rec)) {
      return false;
    }
    return pathPrefix == null || pathMatches(rec.body());
  }

  private boolean typeMatches(TxnRecord rec) {
    if (types.contains(OpCode.name(rec.header().type()))) {
      return true;
    }
    if (rec.body() instanceof MultiTxn m) {
      for (SubTxn t : m.txns()) {
        if (types.contains(OpCode.name(t.type()))) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean pathMatches(TxnBody body) {
    if (body instanceof MultiTxn m) {
      return m.txns().stream().anyMatch(t -> pathMatches(t.body()));
    }
    if (body instanceof zkstore.record.CloseSessionTxn c) {
      return c.paths2Delete() != null && c.paths2Delete().stream().anyMatch(p -> p.startsWith(pathPrefix));
    }
    return body instanceof PathTxn p && p.path() != null && p.path().startsWith(pathPrefix);
  }
}

