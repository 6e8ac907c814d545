package zkstore.bench.limits;

import java.util.concurrent.TimeUnit;
import java.util.zip.Adler32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Physical limit: java.util.zip.Adler32 over the record sizes the log writes (bytes/s = ops/s x size). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(1)
public class Adler32Bench {
  @Param({"187", "1111", "65536"})
  public int size;

  private byte[] data;
  private final Adler32 adler = new Adler32();

  @Setup
  public void fill() {
    data = new byte[size];
    for (int i = 0; i < size; i++) {
      data[i] = (byte) (i * 131 + 7);
    }
  }

  @Benchmark
  public long limit() {
    adler.reset();
    adler.update(data, 0, data.length);
    return adler.getValue();
  }
}
