package dev.hoist.deploy;

import dev.hoist.deploy.parts.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's first api on a fresh machine: {@code hoistd.jar api} in a child process, configured as
 * an api dyno is (the {@code hoist-api} part's config vars), on a free loopback port. It creates
 * the platform apps before any api dyno exists, and is stopped once one answers.
 *
 * <p>A process rather than the seed's own JVM: once closed, an api in the seed would leave its
 * classes and heap behind in a process that lives as long as the machine. The child exits when its
 * standard input closes ({@link #exitWithParent}), so a seed killed with {@code -9} leaves no api
 * of its own behind.
 */
final class FirstApi implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FirstApi.class);

  /** Set in the child's environment: exit when the seed's end of standard input closes. */
  static final String WITH_PARENT = "HOIST_EXIT_WITH_PARENT";

  /** A JVM with Spring on a loaded two-core host can take minutes to boot. */
  private static final Duration BOOT_WAIT = Duration.ofMinutes(5);

  private final Process process;
  private final int port;

  private FirstApi(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static FirstApi start(Path hoistdJar, Part api) throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx192m"));
    command.addAll(List.of("-jar", hoistdJar.toString(), "api"));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    env.putAll(api.config());
    env.put("PORT", Integer.toString(port));
    env.put("HOIST_API_PORT", Integer.toString(port));
    env.put(WITH_PARENT, "1");
    pb.redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    log.info("the first api runs as pid {} on :{}", p.pid(), port);
    FirstApi first = new FirstApi(p, port);
    try {
      first.awaitHealthy();
    } catch (IOException | RuntimeException e) {
      first.close();
      throw e;
    }
    return first;
  }

  /** Returns once {@code /health} answers 200; fails when the process exits or takes too long. */
  private void awaitHealthy() throws IOException {
    boolean up;
    try {
      up = ApiHealth.answers("http://127.0.0.1:" + port, BOOT_WAIT, process::isAlive);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the first api started", e);
    }
    if (up) return;
    if (!process.isAlive()) {
      throw new IOException(
          "the first api exited with status " + process.exitValue() + " (see the log above)");
    }
    throw new IOException("the first api did not answer within " + BOOT_WAIT);
  }

  int port() {
    return port;
  }

  /** In the child: a thread that ends the process when standard input reaches its end. */
  static void exitWithParent() {
    if (System.getenv(WITH_PARENT) == null) return;
    Thread t =
        new Thread(
            () -> {
              try {
                InputStream in = System.in;
                while (in.read() >= 0) {
                  // the seed writes nothing; only the end matters
                }
              } catch (IOException e) {
                // closed: the same as the end
              }
              System.exit(0);
            },
            "exit-with-parent");
    t.setDaemon(true);
    t.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
