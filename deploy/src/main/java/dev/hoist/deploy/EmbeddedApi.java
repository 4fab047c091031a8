package dev.hoist.deploy;

import dev.hoist.api.ApiApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The all-in-one platform's api, in this JVM. */
final class EmbeddedApi implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final int port;

  private EmbeddedApi(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  /**
   * Starts the api on {@code port} (0: any free port) with the database's properties and the
   * platform's secrets.
   */
  static EmbeddedApi start(
      PlatformSettings s,
      Database database,
      int port,
      String publicUrl,
      String token,
      String blobSecret) {
    Map<String, Object> props = new HashMap<>(database.springProperties());
    props.put("server.port", port);
    props.put("hoist.api.home", s.home().toString());
    props.put("hoist.api.public-url", publicUrl);
    props.put("hoist.api.apps-domain", s.appsDomain());
    props.put("hoist.api.component-token", token);
    props.put("hoist.api.blob-secret", blobSecret);
    // `hoist run` attaches to the dyno manager's attach server, on this machine's address for the
    // CLI.
    props.put("hoist.api.attach-url", attachUrl());
    props.forEach(
        (k, v) -> System.setProperty(k, String.valueOf(v))); // outrank application.properties
    return new EmbeddedApi(new SpringApplicationBuilder(ApiApplication.class).run());
  }

  static String attachUrl() {
    return PlatformSettings.value(
        "hoist.api.attach-url",
        "tcp://127.0.0.1:" + PlatformSettings.value("hoist.dynos.attach-port", "5001"));
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    context.close();
  }
}
