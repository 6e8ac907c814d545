package zkstore.bench.harness;

import org.openjdk.jmh.infra.BenchmarkParams;

/** The two implementations every benchmark pair measures; a pair's methods are named after them. */
public enum Side {
  ZOOKEEPER,
  ZKSTORE;

  /** The side a JMH trial measures, from its method name ({@code ...Bench.zookeeper} or {@code ...Bench.zkstore}). */
  public static Side of(BenchmarkParams params) {
    String name = params.getBenchmark();
    String method = name.substring(name.lastIndexOf('.') + 1);
    return switch (method) {
      case "zookeeper" -> ZOOKEEPER;
      case "zkstore" -> ZKSTORE;
      default -> throw new IllegalArgumentException("benchmark method must be zookeeper or zkstore: " + name);
    };
  }
}
