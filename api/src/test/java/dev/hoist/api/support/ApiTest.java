package dev.hoist.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.api.ApiApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the api's integration tests: the whole api on a random port against a real PostgreSQL, called
 * over real HTTP. The admin key comes from the credentials file the api writes on first start, exactly
 * as the CLI finds it.
 */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {
  public static final String COMPONENT_TOKEN = "test-component-token";
  public static final long MAX_SLUG_BYTES = 1024 * 1024;
  private static final Path HOME = tempHome();
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("hoist.api.home", HOME::toString);
    registry.add("hoist.api.component-token", () -> COMPONENT_TOKEN);
    registry.add("hoist.api.max-slug-bytes", () -> MAX_SLUG_BYTES);
  }

  private static Path tempHome() {
    try {
      return Files.createTempDirectory("hoist-api-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected String base() {
    return "http://127.0.0.1:" + port;
  }

  /** The admin, as the CLI on this machine would be after {@code hoistd up}. */
  protected Http admin() {
    try {
      JsonNode credentials = new ObjectMapper().readTree(HOME.resolve("credentials.json").toFile());
      return new Http(base(), credentials.get("api_key").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected Http anonymous() {
    return new Http(base(), null);
  }

  protected Http component() {
    return new Http(base(), COMPONENT_TOKEN);
  }

  /** A new, non-admin account with its own key. */
  protected Http newUser() {
    Http.Response made = admin().post("/accounts", Map.of("email", "user" + unique() + "@example.com"));
    if (made.status() != 201) throw new AssertionError("could not make a user: " + made);
    return new Http(base(), made.json().get("api_key").asText());
  }

  /** A unique, valid app name for this test run. */
  protected static String appName(String prefix) {
    return prefix + "-" + unique();
  }

  protected static String unique() {
    return RUN + SEQ.incrementAndGet();
  }

  /** Creates an app owned by {@code user}; returns its name. */
  protected String newApp(Http user, String prefix) {
    String name = appName(prefix);
    Http.Response made = user.post("/apps", Map.of("name", name));
    if (made.status() != 201) throw new AssertionError("could not make app " + name + ": " + made);
    return name;
  }
}
