package dev.hoist.cli.buildpacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.support.CliRunner;
import dev.hoist.cli.support.FakeApi;
import dev.hoist.cli.support.GitRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BuildpacksCommandsTest {

  @TempDir Path home;

  @TempDir Path work;

  private final FakeApi api = new FakeApi();

  private static final String PATH = "/apps/demo/buildpack-installations";
  private static final String NODE = "heroku/nodejs";
  private static final String RUBY = "https://example.com/ruby.tgz";
  private static final String APT = "https://github.com/heroku/heroku-buildpack-apt#v1";

  @AfterEach
  void stop() {
    api.close();
  }

  /** The API's answer for these URLs, listed out of order to show the ordinal decides. */
  private static String installations(String... urls) {
    List<String> items = new ArrayList<>();
    for (int i = urls.length - 1; i >= 0; i--) {
      items.add(
          "{\"ordinal\":"
              + i
              + ",\"buildpack\":{\"url\":\""
              + urls[i]
              + "\",\"name\":\""
              + urls[i]
              + "\"}}");
    }
    return "[" + String.join(",", items) + "]";
  }

  /** The current list is {@code current}; the PUT answers {@code after}. */
  private void answer(List<String> current, List<String> after) {
    api.on("GET", PATH, 200, installations(current.toArray(String[]::new)));
    api.on("PUT", PATH, 200, installations(after.toArray(String[]::new)));
  }

  /** The URLs of the one PUT that was sent, in order. */
  private List<String> sent() {
    assertThat(api.requests("PUT")).hasSize(1);
    JsonNode body = api.requests("PUT").get(0).json();
    assertThat(body.fieldNames()).toIterable().containsExactly("updates");
    List<String> urls = new ArrayList<>();
    body.get("updates").forEach(u -> urls.add(u.get("buildpack").asText()));
    return urls;
  }

  @Test
  void buildpacksListsTheUrlsNumberedInOrdinalOrder() {
    api.on("GET", PATH, 200, installations(NODE, RUBY));

    CliRunner.Result result = CliRunner.against(api, home).run("buildpacks", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo("=== demo Buildpack URLs\n1. heroku/nodejs\n2. https://example.com/ruby.tgz\n");
  }

  @Test
  void buildpacksSaysDetectionHappensWhenNoneIsSet() {
    api.on("GET", PATH, 200, "[]");

    CliRunner.Result result = CliRunner.against(api, home).run("buildpacks", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "demo has no buildpack set: the shipped buildpacks are detected on each build\n");
  }

  @Test
  void buildpacksJsonPrintsTheApisJson() throws Exception {
    api.on("GET", PATH, 200, installations(NODE));

    CliRunner.Result result =
        CliRunner.against(api, home).run("buildpacks", "-a", "demo", "--json");

    assertThat(result.exitCode()).isZero();
    assertThat(Json.MAPPER.readTree(result.out()))
        .isEqualTo(Json.MAPPER.readTree(installations(NODE)));
  }

  @Test
  void setReplacesTheWholeList() {
    answer(List.of(NODE, RUBY), List.of(APT));

    CliRunner.Result result = CliRunner.against(api, home).run("buildpacks:set", APT, "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(sent()).containsExactly(APT);
    assertThat(result.out())
        .isEqualTo(
            "Buildpack set. Next release on demo will use "
                + APT
                + ".\n"
                + "Run git push hoist main to create a new release using this buildpack.\n");
  }

  @Test
  void setWithAnIndexReplacesOnlyThatOne() {
    answer(List.of(NODE, RUBY), List.of(NODE, APT));

    CliRunner.Result result =
        CliRunner.against(api, home).run("buildpacks:set", "-i", "2", APT, "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(sent()).containsExactly(NODE, APT);
    assertThat(result.out())
        .isEqualTo(
            """
                Buildpack set. Next release on demo will use:
                  1. heroku/nodejs
                  2. https://github.com/heroku/heroku-buildpack-apt#v1
                Run git push hoist main to create a new release using these buildpacks.
                """);
  }

  @Test
  void setWithTheIndexOnePastTheEndAppends() {
    answer(List.of(NODE), List.of(NODE, APT));

    CliRunner.Result result =
        CliRunner.against(api, home).run("buildpacks:set", "--index", "2", APT, "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(sent()).containsExactly(NODE, APT);
  }

  @Test
  void setRefusesWhatIsAlreadySetAndSendsNoUpdate() {
    answer(List.of(NODE), List.of());
    CliRunner cli = CliRunner.against(api, home);

    CliRunner.Result whole = cli.run("buildpacks:set", NODE, "-a", "demo");
    CliRunner.Result atIndex = cli.run("buildpacks:set", "-i", "2", NODE, "-a", "demo");

    assertThat(whole.exitCode()).isEqualTo(1);
    assertThat(whole.err()).isEqualTo(" !    the buildpack heroku/nodejs is already set on demo\n");
    assertThat(atIndex.exitCode()).isEqualTo(1);
    assertThat(api.requests("PUT")).isEmpty();
  }

  @Test
  void addAppendsAndNamesTheRemoteToPushTo() {
    GitRepo repo = GitRepo.init(work);
    repo.git("remote", "add", "staging", "ssh://git@127.0.0.1:2222/demo.git");
    answer(List.of(NODE), List.of(NODE, RUBY));

    CliRunner.Result result =
        CliRunner.against(api, home).in(work).run("buildpacks:add", RUBY, "-r", "staging");

    assertThat(result.exitCode()).isZero();
    assertThat(sent()).containsExactly(NODE, RUBY);
    assertThat(result.out())
        .isEqualTo(
            """
                Buildpack added. Next release on demo will use:
                  1. heroku/nodejs
                  2. https://example.com/ruby.tgz
                Run git push staging main to create a new release using these buildpacks.
                """);
  }

  @ParameterizedTest
  @CsvSource({"1, heroku/nodejs|x|y", "2, x|heroku/nodejs|y", "3, x|y|heroku/nodejs"})
  void addWithAnIndexInsertsThere(int index, String expected) {
    answer(List.of("x", "y"), List.of(expected.split("\\|")));

    CliRunner.Result result =
        CliRunner.against(api, home)
            .run("buildpacks:add", "-i", Integer.toString(index), NODE, "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(sent()).containsExactly(expected.split("\\|"));
  }

  @Test
  void addToAnEmptyListAtIndexOneWorks() {
    answer(List.of(), List.of(NODE));

    CliRunner.Result result =
        CliRunner.against(api, home).run("buildpacks:add", "-i", "1", NODE, "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(sent()).containsExactly(NODE);
    assertThat(result.out())
        .startsWith("Buildpack added. Next release on demo will use heroku/nodejs.\n");
  }

  @Test
  void addRefusesADuplicateAndSendsNoUpdate() {
    answer(List.of(NODE, RUBY), List.of());

    CliRunner.Result result =
        CliRunner.against(api, home).run("buildpacks:add", RUBY, "-a", "demo");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo(" !    the buildpack " + RUBY + " is already set on demo\n");
    assertThat(api.requests("PUT")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "two"})
  void anIndexBelowOneOrNotANumberIsAUsageErrorAndSendsNothing(String index) {
    CliRunner cli = CliRunner.against(api, home);

    for (String command : List.of("buildpacks:add", "buildpacks:set")) {
      CliRunner.Result result = cli.run(command, "-i", index, NODE, "-a", "demo");

      assertThat(result.exitCode()).as(command).isEqualTo(1);
      assertThat(result.err())
          .as(command)
          .startsWith("hoist: ")
          .contains("(see 'hoist help " + command + "')");
    }
    CliRunner.Result remove = cli.run("buildpacks:remove", "-i", index, "-a", "demo");
    assertThat(remove.exitCode()).isEqualTo(1);
    assertThat(remove.err()).startsWith("hoist: ");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void anIndexPastTheEndIsAUsageErrorAndSendsNoUpdate() {
    answer(List.of(NODE, RUBY), List.of());
    CliRunner cli = CliRunner.against(api, home);

    CliRunner.Result add = cli.run("buildpacks:add", "-i", "4", APT, "-a", "demo");
    CliRunner.Result set = cli.run("buildpacks:set", "-i", "4", APT, "-a", "demo");
    CliRunner.Result remove = cli.run("buildpacks:remove", "-i", "3", "-a", "demo");

    assertThat(add.exitCode()).isEqualTo(1);
    assertThat(add.err())
        .isEqualTo(
            "hoist: invalid index 4: demo has 2 buildpacks, choose 1 to 3"
                + " (see 'hoist help buildpacks:add')\n");
    assertThat(set.exitCode()).isEqualTo(1);
    assertThat(remove.exitCode()).isEqualTo(1);
    assertThat(remove.err())
        .isEqualTo(
            "hoist: invalid index 3: demo has 2 buildpacks, choose 1 to 2"
                + " (see 'hoist help buildpacks:remove')\n");
    assertThat(api.requests("PUT")).isEmpty();
  }

  @Test
  void removeByUrlKeepsTheOthersInOrder() {
    answer(List.of(NODE, RUBY, APT), List.of(NODE, APT));

    CliRunner.Result result =
        CliRunner.against(api, home).run("buildpacks:remove", RUBY, "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(sent()).containsExactly(NODE, APT);
    assertThat(result.out()).startsWith("Buildpack removed. Next release on demo will use:\n");
  }

  @Test
  void removeByIndex() {
    answer(List.of(NODE, RUBY), List.of(RUBY));

    CliRunner.Result result =
        CliRunner.against(api, home).run("buildpacks:remove", "-i", "1", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(sent()).containsExactly(RUBY);
    assertThat(result.out())
        .isEqualTo(
            "Buildpack removed. Next release on demo will use "
                + RUBY
                + ".\n"
                + "Run git push hoist main to create a new release using this buildpack.\n");
  }

  @Test
  void removingTheLastOneGoesBackToDetection() {
    answer(List.of(NODE), List.of());

    CliRunner.Result result =
        CliRunner.against(api, home).run("buildpacks:remove", NODE, "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(sent()).isEmpty();
    assertThat(result.out())
        .isEqualTo("Buildpack removed. Next release on demo will detect buildpacks normally.\n");
  }

  @Test
  void removeRefusesAnUnknownUrlOrAnEmptyList() {
    answer(List.of(NODE), List.of());
    CliRunner.Result unknown =
        CliRunner.against(api, home).run("buildpacks:remove", RUBY, "-a", "demo");
    api.on("GET", PATH, 200, "[]");
    CliRunner.Result empty =
        CliRunner.against(api, home).run("buildpacks:remove", "-i", "1", "-a", "demo");

    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err())
        .isEqualTo(" !    the buildpack " + RUBY + " is not set on demo: nothing was removed\n");
    assertThat(empty.exitCode()).isEqualTo(1);
    assertThat(empty.err()).isEqualTo(" !    demo has no buildpack set: nothing to remove\n");
    assertThat(api.requests("PUT")).isEmpty();
  }

  @Test
  void removeWantsExactlyOneOfUrlAndIndex() {
    CliRunner cli = CliRunner.against(api, home);

    CliRunner.Result both = cli.run("buildpacks:remove", NODE, "-i", "1", "-a", "demo");
    CliRunner.Result neither = cli.run("buildpacks:remove", "-a", "demo");

    assertThat(both.exitCode()).isEqualTo(1);
    assertThat(both.err()).startsWith("hoist: give either a URL or --index, not both");
    assertThat(neither.exitCode()).isEqualTo(1);
    assertThat(neither.err())
        .startsWith("hoist: name the buildpack to remove by its URL or by --index");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void clearPutsAnEmptyList() {
    answer(List.of(NODE, RUBY), List.of());
    api.on("GET", "/apps/demo/config-vars", 200, "{\"LOG_LEVEL\":\"debug\"}");

    CliRunner.Result result = CliRunner.against(api, home).run("buildpacks:clear", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(sent()).isEmpty();
    assertThat(result.out())
        .isEqualTo("Buildpacks cleared. Next release on demo will detect buildpacks normally.\n");
  }

  @Test
  void clearWarnsThatABuildpackUrlConfigVarStillDecides() {
    answer(List.of(NODE), List.of());
    api.on(
        "GET", "/apps/demo/config-vars", 200, "{\"BUILDPACK_URL\":\"https://example.com/bp.tgz\"}");

    CliRunner.Result result = CliRunner.against(api, home).run("buildpacks:clear", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(sent()).isEmpty();
    assertThat(result.out()).isEqualTo("Buildpacks cleared.\n");
    assertThat(result.err())
        .isEqualTo(
            " !    The BUILDPACK_URL config var is still set and will be used for the next release\n");
  }

  @Test
  void anUpdateTheApiRefusesExitsOneWithItsMessage() {
    api.on("GET", PATH, 200, "[]");
    api.on(
        "PUT",
        PATH,
        422,
        "{\"id\":\"invalid_params\",\"message\":\"buildpack 'ftp://x' must be an http(s) URL"
            + " or a shipped buildpack's name\"}");

    CliRunner.Result result =
        CliRunner.against(api, home).run("buildpacks:add", "ftp://x", "-a", "demo");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            " !    buildpack 'ftp://x' must be an http(s) URL or a shipped buildpack's name\n");
    assertThat(result.out()).isEmpty();
  }
}
