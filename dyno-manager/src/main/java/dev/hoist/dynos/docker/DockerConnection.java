package dev.hoist.dynos.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

/**
 * The engine connection: {@code DOCKER_HOST} or the local socket, speaking API 1.41 unless {@code
 * DOCKER_API_VERSION} says otherwise (20.10 refuses 1.44, docker-java's default). Each followed log
 * holds a connection, hence the large pool, and there is no response timeout because follows and
 * stops legitimately take long.
 */
public final class DockerConnection implements AutoCloseable {
  private final DockerClient client;
  private final DockerHttpClient http;
  private final String version;
  private final URI host;

  private DockerConnection(DockerClient client, DockerHttpClient http, String version, URI host) {
    this.client = client;
    this.http = http;
    this.version = version;
    this.host = host;
  }

  public static DockerConnection open() {
    DefaultDockerClientConfig.Builder builder =
        DefaultDockerClientConfig.createDefaultConfigBuilder();
    // docker-java 3.7 asks for API 1.44 when none is set, which Debian's engine (20.10, API 1.41)
    // refuses;
    // 1.41 is understood by that engine and by every newer one. DOCKER_API_VERSION still wins.
    String wanted = System.getenv("DOCKER_API_VERSION");
    builder.withApiVersion(wanted == null || wanted.isBlank() ? "1.41" : wanted);
    DockerClientConfig config = builder.build();
    ApacheDockerHttpClient http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .maxConnections(1024)
            .connectionTimeout(Duration.ofSeconds(5))
            .build();
    return new DockerConnection(
        DockerClientImpl.getInstance(config, http),
        http,
        config.getApiVersion().asWebPathPart(),
        config.getDockerHost());
  }

  /**
   * A GET of an engine path (such as {@code /containers/ID/stats?one-shot=true}) at the
   * connection's API version, for what docker-java's commands cannot ask; on the same pooled
   * connections. The caller closes the response.
   */
  DockerHttpClient.Response get(String path) {
    return http.execute(
        DockerHttpClient.Request.builder().method("GET").path("/" + version + path).build());
  }

  public DockerClient client() {
    return client;
  }

  URI host() {
    return host;
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
