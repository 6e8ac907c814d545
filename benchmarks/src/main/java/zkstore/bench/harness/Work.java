package zkstore.bench.harness;

/**
 * What one run of a benchmarked operation did, in terms both implementations share: the number of
 * items handled (txns, znodes, lines), the bytes written or read, and a content fingerprint (a tree
 * digest, a hash of the records). Two sides did the same work only when all three agree.
 */
public record Work(long items, long bytes, long fingerprint) {

  @Override
  public String toString() {
    return items + " items, " + bytes + " bytes, fingerprint 0x" + Long.toHexString(fingerprint);
  }
}
