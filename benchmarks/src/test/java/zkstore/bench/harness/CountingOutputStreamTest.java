package zkstore.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CountingOutputStreamTest {

  @Test
  void countsTxnLinesButNotHeaderLines() {
    CountingOutputStream sink = new CountingOutputStream();
    PrintStream out = new PrintStream(sink, false, StandardCharsets.UTF_8);
    out.println("ZooKeeper Transactional Log File with dbid 0 txnlog format version 2");
    out.println("11/22/26, 3:00:00 AM UTC session 0x1 cxid 0x0 zxid 0x100000001 setData /a,b,1");
    out.println("11/22/26, 3:00:00 AM UTC session 0x1 cxid 0x1 zzxid 0x100000002 setData /a,zxid zxid 0x,1");
    out.println("EOF reached after 2 txns.");
    out.flush();
    assertEquals(3, sink.txnLines());
    assertEquals(4, sink.lines());
  }
}
