package dev.hoist.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.api.ApiApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One api process, for tests that run several on one database as {@code hoist-api}'s dynos do: a
 * whole api application context with its own port and home folder, on the shared test database and
 * a blob store folder the caller shares between processes (as the platform mounts one). No
 * blob-signing key is configured, so the processes must agree on the one in the database.
 */
public final class ApiProcess implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final int port;
  private final Path home;

  private ApiProcess(ConfigurableApplicationContext context, int port, Path home) {
    this.context = context;
    this.port = port;
    this.home = home;
  }

  /**
   * Starts an api process; {@code notifyFallback} is {@code hoist.api.notify-fallback}, how long
   * its waiters go without re-reading the database when nothing notifies them.
   */
  public static ApiProcess start(Path blobs, String notifyFallback) {
    int port = freePort();
    Path home;
    try {
      home = Files.createTempDirectory("hoist-api-process");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(ApiApplication.class)
            .run(
                "--server.port=" + port,
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--hoist.api.home=" + home,
                "--hoist.api.blob-dir=" + blobs,
                "--hoist.api.component-token=" + ApiTest.COMPONENT_TOKEN,
                "--hoist.api.blob-secret=",
                "--hoist.api.notify-fallback=" + notifyFallback);
    return new ApiProcess(context, port, home);
  }

  public String base() {
    return "http://127.0.0.1:" + port;
  }

  /** The admin, with the key this process wrote to its credentials file. */
  public Http admin() {
    try {
      JsonNode credentials = new ObjectMapper().readTree(home.resolve("credentials.json").toFile());
      return new Http(base(), credentials.get("api_key").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Http component() {
    return new Http(base(), ApiTest.COMPONENT_TOKEN);
  }

  /** A bean of this process's application context. */
  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** {@code url} (given out by any api process) pointed at this one. */
  public String here(String url) {
    return url.replaceFirst("^http://127\\.0\\.0\\.1:\\d+", base());
  }

  @Override
  public void close() {
    context.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
