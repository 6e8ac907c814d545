package zkstore.txnlog;

import zkstore.record.TxnBody;
import zkstore.record.TxnDigest;
import zkstore.record.TxnHeader;
import zkstore.record.TxnRecord;

/** One decoded log entry and where it lies: file name and offset of its frame. */
public record LogEntry(TxnRecord record, String file, long offset) {
  public TxnHeader header() {
    return record.header();
  }

  /** The body, null for a body-less entry. */
  public TxnBody body() {
    return record.body();
  }

  /** The digest, null when the entry has none. */
  public TxnDigest digest() {
    return record.digest();
  }

  public long zxid() {
    return record.zxid();
  }
}
