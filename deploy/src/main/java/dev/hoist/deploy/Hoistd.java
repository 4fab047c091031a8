package dev.hoist.deploy;

import dev.hoist.api.ApiApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stage 0 of the platform, the seed: one JVM that starts the database (embedded PostgreSQL unless
 * {@code HOIST_DATABASE_URL} names one) and the api, and stops them in reverse order. The dyno manager,
 * router and git gateway join this process as they are built.
 */
public final class Hoistd {
  private static final Logger log = LoggerFactory.getLogger(Hoistd.class);

  private Hoistd() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(env("HOIST_HOME", System.getProperty("user.home") + "/.hoist")).toAbsolutePath();
    Files.createDirectories(home);
    Secrets secrets = Secrets.load(home.resolve("secrets.properties"));
    Database database = Database.start(home, System.getenv("HOIST_DATABASE_URL"));

    Map<String, Object> props = new HashMap<>(database.springProperties());
    props.put("hoist.api.home", home.toString());
    props.put("hoist.api.component-token", env("HOIST_COMPONENT_TOKEN", secrets.componentToken()));
    props.put("hoist.api.blob-secret", env("HOIST_BLOB_SECRET", secrets.blobSecret()));

    // System properties outrank application.properties; SpringApplicationBuilder.properties() would not.
    props.forEach((k, v) -> System.setProperty(k, String.valueOf(v)));
    ConfigurableApplicationContext api;
    try {
      api = new SpringApplicationBuilder(ApiApplication.class).run(args);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("stopping: api, then database");
      api.close();
      database.close();
    }, "hoistd-shutdown"));
    log.info("hoistd is up: api on port {}, data in {}", api.getEnvironment().getProperty("local.server.port"), home);
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
