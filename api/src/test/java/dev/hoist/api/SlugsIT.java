package dev.hoist.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import dev.hoist.api.support.Tarball;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /apps/{app}/slugs} and the signed blob URLs: upload, download, release, and every refusal.
 */
class SlugsIT extends ApiTest {
  private static final Map<String, String> WEB = Map.of("web", "./server");

  @Test
  void uploadsASlugToItsSignedUrlDownloadsItAndReleasesIt() {
    Http user = newUser();
    String app = newApp(user, "slug");
    byte[] archive = Tarball.minimalApp();

    JsonNode slug = newSlug(user, app, Map.of("web", "./server", "worker", "./work"));
    assertThat(slug.at("/blob/method").asText()).isEqualTo("PUT");
    assertThat(slug.at("/blob/url").asText())
        .startsWith(base() + "/blobs/slugs/" + slug.get("id").asText());
    Http.Response uploaded = Http.putBytes(slug.at("/blob/url").asText(), archive);

    assertThat(uploaded.status()).isEqualTo(200);
    assertThat(uploaded.json().get("size").asLong()).isEqualTo(archive.length);
    assertThat(uploaded.json().get("checksum").asText()).isEqualTo(Tarball.sha256(archive));
    String id = slug.get("id").asText();
    JsonNode info = ok(user.get("/apps/" + app + "/slugs/" + id));
    assertThat(info.get("size").asLong()).isEqualTo(archive.length);
    assertThat(info.get("checksum").asText()).isEqualTo(Tarball.sha256(archive));
    assertThat(info.get("process_types")).isEqualTo(slug.get("process_types"));
    assertThat(info.at("/blob/method").asText()).isEqualTo("GET");
    HttpResponse<byte[]> downloaded = Http.getBytes(info.at("/blob/url").asText());
    assertThat(downloaded.statusCode()).isEqualTo(200);
    assertThat(downloaded.body()).isEqualTo(archive);

    Http.Response released = user.post("/apps/" + app + "/releases", Map.of("slug", id));

    assertThat(released.status()).isEqualTo(201);
    assertThat(released.json().get("version").asInt()).isEqualTo(2);
    assertThat(released.json().get("current").asBoolean()).isTrue();
    assertThat(released.json().at("/slug/id").asText()).isEqualTo(id);
    assertThat(released.json().get("description").asText())
        .isEqualTo("Deploy " + id.substring(0, 8));
    assertThat(values(formation(user, app), "quantity")).containsExactly("1", "0");
  }

  @Test
  void namesTheDeployAfterTheCommitAndKeepsTheCurrentConfig() {
    Http user = newUser();
    String app = newApp(user, "commit");
    user.patch("/apps/" + app + "/config-vars", Map.of("A", "1"));
    byte[] archive = Tarball.minimalApp();
    JsonNode slug =
        ok201(
            user.post(
                "/apps/" + app + "/slugs",
                Map.of(
                    "process_types",
                    WEB,
                    "commit",
                    "0123456789abcdef",
                    "checksum",
                    Tarball.sha256(archive))));
    assertThat(Http.putBytes(slug.at("/blob/url").asText(), archive).status()).isEqualTo(200);

    Http.Response released =
        user.post("/apps/" + app + "/releases", Map.of("slug", slug.get("id").asText()));

    assertThat(released.json().get("description").asText()).isEqualTo("Deploy 0123456");
    assertThat(ok(user.get("/apps/" + app + "/releases/3/config-vars")).get("A").asText())
        .isEqualTo("1");
  }

  static Stream<Arguments> badArchives() {
    byte[] text =
        "this is not a tar archive at all. ".repeat(64).getBytes(StandardCharsets.US_ASCII);
    return Stream.of(
        Arguments.of("not gzip", text),
        Arguments.of("gzip but not tar", Tarball.gzip(text)),
        Arguments.of("an empty tar", Tarball.create().gzipped()),
        Arguments.of(
            "an entry outside ./app",
            Tarball.create().dir("./app/").file("./etc/passwd", "x").gzipped()),
        Arguments.of(
            "a name that only starts like app",
            Tarball.create().file("./application/x", "x").gzipped()),
        Arguments.of(
            "a ./app/../x entry", Tarball.create().dir("./app/").file("./app/../x", "x").gzipped()),
        Arguments.of("an absolute /app path", Tarball.create().file("/app/x", "x").gzipped()),
        Arguments.of(
            "a symlink to /etc/passwd",
            Tarball.create().dir("./app/").symlink("./app/p", "/etc/passwd").gzipped()),
        Arguments.of(
            "a symlink to ../../x",
            Tarball.create().dir("./app/").symlink("./app/p", "../../x").gzipped()),
        Arguments.of(
            "a deeper symlink climbing out",
            Tarball.create().dir("./app/a/").symlink("./app/a/p", "../../etc").gzipped()),
        Arguments.of(
            "a hard link to ./etc/passwd",
            Tarball.create().dir("./app/").hardLink("./app/h", "./etc/passwd").gzipped()),
        Arguments.of(
            "a device",
            Tarball.create().dir("./app/").special("./app/sda", TarConstants.LF_BLK).gzipped()),
        Arguments.of(
            "./app itself a symlink to etc", Tarball.create().symlink("./app", "etc").gzipped()),
        Arguments.of(
            "a symlink out through another symlink",
            Tarball.create()
                .dir("./app/")
                .symlink("./app/a", ".")
                .symlink("./app/a/b", "../etc")
                .gzipped()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badArchives")
  void refusesABadArchiveAndLeavesTheSlugUnuploaded(String why, byte[] archive) {
    Http user = newUser();
    String app = newApp(user, "bad");
    JsonNode slug = newSlug(user, app, WEB);

    Http.Response answer = Http.putBytes(slug.at("/blob/url").asText(), archive);

    assertThat(answer.status()).as("upload of %s: %s", why, answer).isEqualTo(422);
    assertError(answer, 422, "invalid_params");
    assertUnuploaded(user, app, slug.get("id").asText());
  }

  @Test
  void refusesAnArchiveWhoseChecksumIsNotTheDeclaredOne() {
    Http user = newUser();
    String app = newApp(user, "checksum");
    String declared = Tarball.sha256("something else".getBytes(StandardCharsets.UTF_8));
    JsonNode slug =
        ok201(
            user.post(
                "/apps/" + app + "/slugs", Map.of("process_types", WEB, "checksum", declared)));

    assertError(
        Http.putBytes(slug.at("/blob/url").asText(), Tarball.minimalApp()), 422, "invalid_params");
    assertUnuploaded(user, app, slug.get("id").asText());
  }

  @Test
  void refusesAnArchiveOverTheLimit() {
    Http user = newUser();
    String app = newApp(user, "big");
    JsonNode slug = newSlug(user, app, WEB);
    byte[] big = new byte[(int) MAX_SLUG_BYTES + 4096];
    Arrays.fill(big, (byte) 'x');

    assertError(Http.putBytes(slug.at("/blob/url").asText(), big), 413, "payload_too_large");
    assertUnuploaded(user, app, slug.get("id").asText());
  }

  @Test
  void refusesATamperedSignatureOrTheWrongMethod() {
    Http user = newUser();
    String app = newApp(user, "signed");
    JsonNode slug = newSlug(user, app, WEB);
    String put = slug.at("/blob/url").asText();
    String tampered = put.substring(0, put.length() - 2) + (put.endsWith("A") ? "BB" : "AA");

    assertError(Http.putBytes(tampered, Tarball.minimalApp()), 403, "forbidden");
    assertError(
        Http.putBytes(put.replaceAll("signature=.*", ""), Tarball.minimalApp()), 403, "forbidden");
    assertError(
        Http.putBytes(put.replaceAll("expires=\\d+", "expires=9999999999"), Tarball.minimalApp()),
        403,
        "forbidden");
    assertThat(Http.getBytes(put).statusCode()).isEqualTo(403);
    assertUnuploaded(user, app, slug.get("id").asText());

    assertThat(Http.putBytes(put, Tarball.minimalApp()).status()).isEqualTo(200);
    String get =
        ok(user.get("/apps/" + app + "/slugs/" + slug.get("id").asText())).at("/blob/url").asText();
    assertError(Http.putBytes(get, Tarball.minimalApp()), 403, "forbidden");
  }

  @Test
  void refusesMissingOrBadProcessTypesAndChecksums() {
    Http user = newUser();
    String app = newApp(user, "types");
    Map<String, Object> nullTypes = new HashMap<>();
    nullTypes.put("process_types", null);

    assertError(user.post("/apps/" + app + "/slugs", Map.of()), 422, "invalid_params");
    assertError(user.post("/apps/" + app + "/slugs", nullTypes), 422, "invalid_params");
    assertError(
        user.post("/apps/" + app + "/slugs", Map.of("process_types", Map.of("web server", "x"))),
        422,
        "invalid_params");
    assertError(
        user.post("/apps/" + app + "/slugs", Map.of("process_types", Map.of("web", " "))),
        422,
        "invalid_params");
    assertError(
        user.post("/apps/" + app + "/slugs", Map.of("process_types", WEB, "checksum", "md5:abc")),
        422,
        "invalid_params");
    assertError(
        user.post("/apps/" + app + "/slugs", Map.of("process_types", "web")), 400, "bad_request");
  }

  @Test
  void anotherUsersAppsSlugsAreNotFound() {
    Http owner = newUser();
    Http stranger = newUser();
    String app = newApp(owner, "theirs");
    String id = newSlug(owner, app, WEB).get("id").asText();
    String mine = newApp(stranger, "mine");

    assertError(
        stranger.post("/apps/" + app + "/slugs", Map.of("process_types", WEB)), 404, "not_found");
    assertError(stranger.get("/apps/" + app + "/slugs/" + id), 404, "not_found");
    assertError(stranger.get("/apps/" + mine + "/slugs/" + id), 404, "not_found");
    assertError(stranger.post("/apps/" + mine + "/releases", Map.of("slug", id)), 404, "not_found");
    assertThat(releases(stranger, mine)).hasSize(1);
  }

  /**
   * The slug has no archive: no size, no download URL, no file in the blob store, and it cannot be
   * released.
   */
  private static void assertUnuploaded(Http user, String app, String id) {
    JsonNode info = ok(user.get("/apps/" + app + "/slugs/" + id));
    assertThat(info.get("size").isNull()).as("size of %s", info).isTrue();
    assertThat(info.get("blob").isNull()).as("blob of %s", info).isTrue();
    assertThat(blobDir().resolve("slugs/" + id + ".tgz")).doesNotExist();
    assertError(user.post("/apps/" + app + "/releases", Map.of("slug", id)), 422, "invalid_params");
    assertThat(releases(user, app)).hasSize(1);
  }

  private static JsonNode ok201(Http.Response response) {
    assertThat(response.status()).as("status of %s", response).isEqualTo(201);
    return response.json();
  }
}
