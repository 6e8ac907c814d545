package zkstore.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import zkstore.cli.oracle.ServerWorkload;
import zkstore.cli.oracle.ZooKeeperServerProcess;
import zkstore.oracle.TestSeed;
import zkstore.prep.ClientContext;
import zkstore.prep.PrepOptions;
import zkstore.prep.Prepared;
import zkstore.prep.RequestPreparer;
import zkstore.record.CloseSessionTxn;
import zkstore.record.Id;
import zkstore.record.TxnCodec;
import zkstore.record.TxnRecord;
import zkstore.tree.DataTree;
import zkstore.txnlog.Durability;
import zkstore.txnlog.LogEntry;
import zkstore.txnlog.LogFile;
import zkstore.txnlog.LogFiles;
import zkstore.txnlog.ReadOptions;
import zkstore.txnlog.TxnLogConfig;
import zkstore.txnlog.TxnLogReader;
import zkstore.txnlog.TxnLogWriter;

/**
 * What a real ZooKeeper server logs, against zkstore. A seeded random client workload runs against the server, each
 * request noted in zkstore's terms as it is sent. Then every request, given to {@link RequestPreparer} with the
 * session, cxid and time the server logged for it, must give the very bytes the server logged (header, body,
 * digest), error txns and failed multis included; and zkstore's {@link TxnLogWriter}, given the logged txns with the
 * server's preallocation and file boundaries, must write the server's log files byte for byte.
 */
class RealServerLogTest {
  private static final boolean HEAVY = Boolean.getBoolean("zkstore.test.heavy");
  private static final Id LOOPBACK = new Id("ip", "127.0.0.1");
  /** The servers' log preallocation step (ZooKeeper's zookeeper.preAllocSize is in KiB). */
  private static final int PREALLOC_KIB = 16;

  @TempDir
  Path tmp;

  /** What one run of the workload against a server left: the requests sent and the server's log dir. */
  private record Run(List<ServerWorkload.Sent> journal, long operator, Path logDir, List<TxnRecord> logged) {}

  private Run runWorkload(String version, int ops) throws Exception {
    long seed = TestSeed.resolve("RealServerLogTest " + version);
    Path dataDir = Files.createDirectories(tmp.resolve("data"));
    List<ServerWorkload.Sent> journal;
    long operator;
    try (ZooKeeperServerProcess server = ZooKeeperServerProcess.start(version, dataDir,
        List.of("-Dzookeeper.extendedTypesEnabled=true", "-Dzookeeper.snapCount=100",
            "-Dzookeeper.preAllocSize=" + PREALLOC_KIB), tmp.resolve("console"))) {
      ServerWorkload workload = new ServerWorkload(server, seed, ServerWorkload.Features.V3_5_ON);
      workload.run(ops);
      journal = workload.journal();
      operator = workload.operatorSessionId();
      server.kill();
    }
    Path logDir = dataDir.resolve("version-2");
    List<TxnRecord> logged = new ArrayList<>();
    try (TxnLogReader r = TxnLogReader.open(logDir, 1)) {
      for (LogEntry e : r) {
        logged.add(e.record());
      }
    }
    assertEquals(journal.size(), logged.size(), "one logged txn per request sent");
    return new Run(journal, operator, logDir, logged);
  }

  /**
   * 3.6 to 3.8 too, with the same defaults. Not 3.4 or 3.5: 3.4 refuses ip ACLs with a prefix length
   * ("127.0.0.0/8") as InvalidACL, and 3.5 looks up the node to delete before it checks the DELETE permission on
   * its parent (so it answers NoNode where 3.6 and later answer NoAuth); zkstore prepares as 3.9 does.
   */
  @ParameterizedTest(name = "ZooKeeper {0}")
  @ValueSource(strings = {"3.6.4", "3.7.2", "3.8.4", "3.9.3"})
  void everyRequestPreparesToTheTxnTheServerLogged(String version) throws Exception {
    Run run = runWorkload(version, HEAVY ? 4000 : 600);
    List<TxnRecord> logged = run.logged();
    List<ServerWorkload.Sent> journal = run.journal();
    long operator = run.operator();
    long[] time = {0};
    RequestPreparer prep = new RequestPreparer(new DataTree(), PrepOptions.DEFAULT, () -> time[0]);
    List<Id> operatorIds = List.of(LOOPBACK, new Id("super", ""),
        new Id("digest", DigestAuthenticationProvider.generateDigest(ZooKeeperServerProcess.OPERATOR)));
    int errors = 0;
    java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
    for (int i = 0; i < logged.size(); i++) {
      TxnRecord want = logged.get(i);
      ServerWorkload.Sent sent = journal.get(i);
      assertEquals(want.header().clientId(), sent.sessionId(), "txn " + i + " is from the session that sent it");
      time[0] = want.header().time();
      ClientContext client = new ClientContext(sent.sessionId(),
          sent.sessionId() == operator ? operatorIds : List.of(LOOPBACK));
      Prepared got = prep.prepare(client, want.header().cxid(), sent.request());
      assertArrayEquals(TxnCodec.encodePayload(pathsSorted(want)), TxnCodec.encodePayload(pathsSorted(got.txn())),
          "txn " + i + " of " + logged.size() + ", request " + sent.request()
              + "\n  ZooKeeper logged " + want + "\n  zkstore prepared " + got.txn());
      errors += got.result().err() != 0 ? 1 : 0;
      kinds.merge(zkstore.record.OpCode.name(want.header().type())
          + (got.result().err() != 0 ? " " + got.result().err() : ""), 1, Integer::sum);
    }
    System.out.println("RealServerLogTest " + version + ": " + logged.size() + " txns matched: " + kinds);
    assertTrue(errors > 0 && errors < logged.size(), errors + " of " + logged.size() + " txns failed");
  }

  @ParameterizedTest(name = "ZooKeeper {0}")
  @ValueSource(strings = {"3.5.10", "3.6.4", "3.7.2", "3.8.4", "3.9.3"})
  void zkstoresWriterWritesTheServersLogFiles(String version) throws Exception {
    assertWriterReproducesTheServersFiles(runWorkload(version, 300).logDir(), tmp.resolve("zkstore-log"));
  }

  /**
   * Appends the txns of every server log file to zkstore's writer, rolling where the server's files begin and
   * committing each txn (the workload sends one request at a time, so the server committed one at a time), with the
   * server's 16 KiB preallocation; the files must be the server's, zero tail included.
   */
  private static void assertWriterReproducesTheServersFiles(Path serverLogDir, Path ours) throws Exception {
    List<LogFile> theirs = LogFiles.list(serverLogDir);
    assertTrue(theirs.size() >= 2, "the server rolled its log: " + theirs);
    try (TxnLogWriter w = TxnLogWriter.open(TxnLogConfig.inLogDir(Files.createDirectories(ours))
        .withPreallocBytes(PREALLOC_KIB * 1024L).withDurability(Durability.NO_FORCE))) {
      for (int f = 0; f < theirs.size(); f++) {
        if (f > 0) {
          w.roll();
        }
        try (TxnLogReader r = TxnLogReader.ofFiles(List.of(theirs.get(f)), 0, ReadOptions.defaults())) {
          for (LogEntry e : r) {
            w.append(e.record());
            w.commit();
          }
        }
      }
    }
    List<LogFile> mine = LogFiles.list(ours);
    assertEquals(theirs.stream().map(LogFile::name).toList(), mine.stream().map(LogFile::name).toList());
    for (int f = 0; f < theirs.size(); f++) {
      assertArrayEquals(Files.readAllBytes(theirs.get(f).path()), Files.readAllBytes(mine.get(f).path()),
          theirs.get(f).name());
    }
  }

  /**
   * A closeSession with its paths sorted. ZooKeeper lists them in the iteration order of the HashSet it keeps the
   * session's ephemerals in, which depends on that set's history (a server restarted from a snapshot lists the same
   * session's paths in another order), so only the set of paths is compared; zkstore lists them sorted.
   */
  private static TxnRecord pathsSorted(TxnRecord r) {
    if (r.body() instanceof CloseSessionTxn c && !c.bodyless()) {
      return new TxnRecord(r.header(), new CloseSessionTxn(c.paths2Delete().stream().sorted().toList()), r.digest());
    }
    return r;
  }
}
