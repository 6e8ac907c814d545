package zkstore.snapshot;

/** Which optional sections follow the first seal; sections are positional and untagged (FORMATS.md §4.2–4.3). */
public enum SnapshotLayout {
  /** 3.4 and 3.5: header, sessions, ACLs, nodes, one seal. */
  SEAL_ONLY(1, "3.4-3.5"),
  /** 3.6 to 3.8: plus the (zxid, digest) section and a second seal. */
  DIGEST(2, "3.6-3.8"),
  /** 3.9: plus lastProcessedZxid and a third seal. */
  DIGEST_AND_LAST_ZXID(3, "3.9");

  private final int seals;
  private final String zookeeperVersions;

  SnapshotLayout(int seals, String zookeeperVersions) {
    this.seals = seals;
    this.zookeeperVersions = zookeeperVersions;
  }

  /** Number of seals (Adler-32 checkpoints) in a file of this layout. */
  public int seals() {
    return seals;
  }

  /** The ZooKeeper releases that write this layout by default. */
  public String zookeeperVersions() {
    return zookeeperVersions;
  }

  /** True if the digest section is present. */
  public boolean hasDigest() {
    return seals >= 2;
  }

  /** True if the lastProcessedZxid section is present. */
  public boolean hasLastProcessedZxid() {
    return seals >= 3;
  }
}
