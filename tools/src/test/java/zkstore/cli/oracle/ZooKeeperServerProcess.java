package zkstore.cli.oracle;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;

/**
 * A real Apache ZooKeeper server, standalone, in a child JVM on a data dir of the test's: 3.9.3 from this JVM's class
 * path, or an older release (3.4 to 3.8) whose jars the build copies to {@code target/older-zookeeper}, with the
 * libraries it needs besides them (slf4j, netty) taken from this JVM's class path, without the 3.9.3 jars.
 */
public final class ZooKeeperServerProcess implements AutoCloseable {
  public static final Path JARS = Path.of("target", "older-zookeeper");
  /** The digest credentials of {@link #connectAsOperator()}. */
  public static final String OPERATOR = "operator:secret";

  private final String version;
  private final Process process;
  private final Path output;
  private final int port;
  private final List<ZooKeeper> clients = new ArrayList<>();

  private ZooKeeperServerProcess(String version, Process process, Path output, int port) {
    this.version = version;
    this.process = process;
    this.output = output;
    this.port = port;
  }

  /**
   * Starts ZooKeeper {@code version} on {@code dataDir} with system properties {@code flags} (such as
   * {@code -Dzookeeper.snapCount=50}); its console output goes to {@code output}.
   */
  public static ZooKeeperServerProcess start(String version, Path dataDir, List<String> flags, Path output)
      throws IOException {
    int port = freePort();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    // 3.4 registers log4j's JMX beans at start-up unless told not to; log4j is not on the class path.
    cmd.add("-Dzookeeper.jmx.log4j.disable=true");
    cmd.add("-Dzookeeper.admin.enableServer=false");
    cmd.add("-Dzookeeper.DigestAuthenticationProvider.superDigest=" + superDigest());
    cmd.addAll(flags);
    cmd.addAll(List.of("-cp", classPath(version), "org.apache.zookeeper.server.ZooKeeperServerMain",
        Integer.toString(port), dataDir.toAbsolutePath().toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    return new ZooKeeperServerProcess(version, p, output, port);
  }

  /** True when this JVM's class path holds {@code version}, or this build copied its jars. */
  public static boolean available(String version) {
    return onTestClassPath(version) || Files.isRegularFile(JARS.resolve("zookeeper-" + version + ".jar"));
  }

  private static boolean onTestClassPath(String version) {
    String jar = "zookeeper-" + version + ".jar";
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (Path.of(e).getFileName().toString().equals(jar)) {
        return true;
      }
    }
    return false;
  }

  private static String classPath(String version) throws IOException {
    if (onTestClassPath(version)) {
      return System.getProperty("java.class.path");
    }
    List<String> entries = new ArrayList<>();
    entries.add(JARS.resolve("zookeeper-" + version + ".jar").toAbsolutePath().toString());
    Path jute = JARS.resolve("zookeeper-jute-" + version + ".jar");
    if (Files.isRegularFile(jute)) {
      entries.add(jute.toAbsolutePath().toString());
    }
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(e).getFileName().toString();
      if (e.endsWith(".jar") && !name.startsWith("zookeeper-")) {
        entries.add(e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * A client session (ZooKeeper 3.9.3's client), connected before it is returned. One client is made and left to
   * retry on its own: a client given up and replaced could leave a session, and its createSession and closeSession
   * txns, in the server's log.
   */
  public ZooKeeper connect() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper zk = new ZooKeeper("127.0.0.1:" + port, 30_000, e -> {
      if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
        connected.countDown();
      }
    });
    clients.add(zk);
    while (!connected.await(200, TimeUnit.MILLISECONDS)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("ZooKeeper " + version + " exited with " + process.exitValue() + ":\n"
            + console());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("ZooKeeper " + version + " did not accept a session in 60 s:\n" + console());
      }
    }
    return zk;
  }

  /**
   * A session authenticated as the operator, whom the server takes for its super user: it reads every node, and
   * digest ACL ids unmasked (ZooKeeper shows {@code user:x} to a reader without ADMIN permission on the node).
   */
  public ZooKeeper connectAsOperator() throws IOException, InterruptedException {
    ZooKeeper zk = connect();
    zk.addAuthInfo("digest", OPERATOR.getBytes(StandardCharsets.UTF_8));
    return zk;
  }

  private static String superDigest() {
    try {
      return DigestAuthenticationProvider.generateDigest(OPERATOR);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the server printed so far. */
  public String console() throws IOException {
    return Files.readString(output);
  }

  /** Kills the server with SIGKILL, as a crash would, and waits until it is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * Kills the server, then stops the clients {@link #connect()} opened without a word to the server (a close would
   * try to send closeSession and wait out a reconnect), so their threads do not go on reconnecting in the test JVM.
   */
  @Override
  public void close() throws InterruptedException {
    kill();
    for (ZooKeeper zk : clients) {
      zk.getTestable().injectSessionExpiration();
    }
  }
}
