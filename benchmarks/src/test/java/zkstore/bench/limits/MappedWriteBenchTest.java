package zkstore.bench.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import zkstore.bench.harness.LogScan;
import zkstore.bench.harness.Work;
import zkstore.bench.workload.SetDataTxns;

/** The mapped-write limit does the work it claims: whole log records, each with a checksum a scan accepts. */
class MappedWriteBenchTest {
  @TempDir
  Path root;

  @ParameterizedTest
  @ValueSource(ints = {100, 1024})
  void writesRecordsOfTheCaseSizeThatAScanVerifies(int dataSize) throws Exception {
    String before = System.setProperty("zkstore.bench.dir", root.toString());
    try {
      writeAndScanTwice(dataSize);
    } finally {
      if (before == null) {
        System.clearProperty("zkstore.bench.dir");
      } else {
        System.setProperty("zkstore.bench.dir", before);
      }
    }
  }

  private static void writeAndScanTwice(int dataSize) throws Exception {
    MappedWriteBench bench = new MappedWriteBench();
    bench.dataSize = dataSize;
    bench.payloads();
    // Enough frames to cross a 64 MiB preallocation step, so growth and prefaulting past it are covered.
    int records = (int) ((MappedWriteBench.STEP * 3 / 2) / new SetDataTxns(dataSize, 1, 1).recordBytes());
    for (int iteration = 0; iteration < 2; iteration++) {
      bench.openFile();
      for (int i = 0; i < records; i++) {
        bench.limit();
      }
      Path file = bench.file();
      Work w = LogScan.scanFile(file);
      assertEquals(records, w.items(), file.toString());
      assertEquals(16 + (long) records * new SetDataTxns(dataSize, 1, 1).recordBytes(), w.bytes());
      bench.deleteFile();
      assertEquals(false, Files.exists(file));
    }
    bench.deleteDir();
  }
}
