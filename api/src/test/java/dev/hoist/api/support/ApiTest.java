package dev.hoist.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.api.ApiApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the api's integration tests: the whole api against a real PostgreSQL, called over real
 * HTTP. The admin key comes from the credentials file the api writes on first start, exactly as the
 * CLI finds it.
 *
 * <p>The port is chosen before the context starts (rather than Spring's random port) because the
 * api builds its public URL, and so every signed blob URL it hands out, from {@code server.port}; a
 * random port would make those URLs point at port 0. With a known port the tests use the URLs
 * exactly as the api gives them. Every IT shares this one configuration, so the suite starts the
 * api once.
 */
@SpringBootTest(
    classes = ApiApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class ApiTest {
  public static final String COMPONENT_TOKEN = "test-component-token";
  public static final long MAX_SLUG_BYTES = 1024 * 1024;

  /** The JSON body limit, {@code hoist.api.max-json-bytes}. */
  public static final int MAX_JSON_BYTES = 1024 * 1024;

  private static final Path HOME = tempHome();
  private static final int PORT = freePort();
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
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

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected String base() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Where the api keeps blobs: {@code hoist.api.blob-dir}, by default {@code $HOIST_HOME/blobs}.
   */
  protected static Path blobDir() {
    return HOME.resolve("blobs");
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

  /** A client presenting {@code key} as its API key. */
  protected Http withKey(String key) {
    return new Http(base(), key);
  }

  /** A new, non-admin account with its own key. */
  protected Http newUser() {
    Http.Response made =
        admin().post("/accounts", Map.of("email", "user" + unique() + "@example.com"));
    if (made.status() != 201) throw new AssertionError("could not make a user: " + made);
    return new Http(base(), made.json().get("api_key").asText());
  }

  /** The email of the account behind {@code user}'s key. */
  protected static String email(Http user) {
    return user.get("/account").json().get("email").asText();
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

  /**
   * Creates a slug with these process types; returns the answer (with {@code blob.url} to PUT to).
   */
  protected static JsonNode newSlug(Http user, String app, Map<String, String> processTypes) {
    Http.Response made =
        user.post("/apps/" + app + "/slugs", Map.of("process_types", processTypes));
    if (made.status() != 201)
      throw new AssertionError("could not make a slug of " + app + ": " + made);
    return made.json();
  }

  /**
   * Creates a slug, uploads {@code archive} to its signed URL and releases it; returns the slug id.
   */
  protected static String deploy(
      Http user, String app, Map<String, String> processTypes, byte[] archive) {
    JsonNode slug = newSlug(user, app, processTypes);
    Http.Response uploaded = Http.putBytes(slug.at("/blob/url").asText(), archive);
    if (uploaded.status() != 200)
      throw new AssertionError("could not upload the slug: " + uploaded);
    String id = slug.get("id").asText();
    Http.Response released = user.post("/apps/" + app + "/releases", Map.of("slug", id));
    if (released.status() != 201)
      throw new AssertionError("could not release the slug: " + released);
    return id;
  }

  /** Deploys a minimal valid slug with these process types; returns the slug id. */
  protected static String deploy(Http user, String app, Map<String, String> processTypes) {
    return deploy(user, app, processTypes, Tarball.minimalApp());
  }

  protected static JsonNode config(Http user, String app) {
    return ok(user.get("/apps/" + app + "/config-vars"));
  }

  protected static JsonNode releases(Http user, String app) {
    return ok(user.get("/apps/" + app + "/releases"));
  }

  protected static JsonNode formation(Http user, String app) {
    return ok(user.get("/apps/" + app + "/formation"));
  }

  /**
   * The top-level {@code field} of each element of a JSON list, as text (nested fields are not
   * searched).
   */
  protected static List<String> values(JsonNode list, String field) {
    List<String> values = new ArrayList<>();
    list.forEach(element -> values.add(element.path(field).asText()));
    return values;
  }

  /** The body of a 200 answer; anything else fails the test with the answer in the message. */
  protected static JsonNode ok(Http.Response response) {
    assertThat(response.status()).as("status of %s", response).isEqualTo(200);
    return response.json();
  }

  /** Asserts an error answer: this status, this id, and a message for the user. */
  protected static void assertError(Http.Response response, int status, String id) {
    assertThat(response.status()).as("status of %s", response).isEqualTo(status);
    assertThat(response.errorId()).as("error id of %s", response).isEqualTo(id);
    assertThat(response.message()).as("message of %s", response).isNotBlank();
  }

  /** Claims builds until this one comes up; others met on the way are failed (not ours to run). */
  protected JsonNode claimFor(String buildId) {
    for (int i = 0; i < 50; i++) {
      Http.Response r = component().post("/internal/builds/claim?wait=5", Map.of());
      assertThat(r.status()).as("%s", r).isIn(200, 204);
      if (r.status() == 200 && r.json().get("id").asText().equals(buildId)) return r.json();
      if (r.status() == 200)
        finishFailed(r.json().get("id").asText()); // another test's build: not ours to run
    }
    throw new AssertionError("build " + buildId + " was never claimed");
  }

  protected void finishFailed(String id) {
    component()
        .post(
            "/internal/builds/" + id + "/finish", Map.of("status", "failed", "message", "skipped"));
  }

  /** A pending build of {@code app} from a source URL nobody will fetch. */
  protected String newBuild(Http user, String app) {
    Http.Response made =
        user.post(
            "/apps/" + app + "/builds",
            Map.of(
                "source_blob",
                Map.of("url", "http://127.0.0.1:1/source.tgz", "version", "abc1234def")));
    assertThat(made.status()).as("%s", made).isEqualTo(201);
    assertThat(made.json().get("status").asText()).isEqualTo("pending");
    return made.json().get("id").asText();
  }
}
