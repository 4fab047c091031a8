package dev.hoist.cli.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.support.CliRunner;
import dev.hoist.cli.support.FakeApi;
import dev.hoist.cli.support.GitRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppsCommandsTest {

  @TempDir Path home;

  @TempDir Path work;

  private final FakeApi api = new FakeApi();

  private static final String DEMO =
      """
            {"id":"0b4c6e3a-1111-4222-8333-944455556666","name":"demo","owner":{"id":"u1","email":"me@x.io"},
             "git_url":"ssh://git@127.0.0.1:2222/demo.git","web_url":"http://demo.localhost:8080/",
             "stack":{"name":"hoist-22"},"created_at":"2026-11-21T23:35:40Z","released_at":null}""";

  @AfterEach
  void stop() {
    api.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "--confirm=other", "--confirm=Demo"})
  void destroyRefusesWithoutTheAppNameAsConfirmationAndSendsNothing(String confirm) {
    String[] args =
        confirm.isEmpty()
            ? new String[] {"apps:destroy", "-a", "demo"}
            : new String[] {"apps:destroy", "-a", "demo", confirm};

    CliRunner.Result result = CliRunner.against(api, home).run(args);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(" !    This command will delete demo. Re-run with --confirm demo\n");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void destroyWithConfirmationDeletesTheAppAndItsRemote() {
    GitRepo repo = GitRepo.init(work);
    repo.git("remote", "add", "hoist", "ssh://git@127.0.0.1:2222/demo.git");
    api.on("DELETE", "/apps/demo", 200, DEMO);

    CliRunner.Result result =
        CliRunner.against(api, home).in(work).run("apps:destroy", "--confirm", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("Destroying demo... done\n");
    assertThat(repo.remoteUrl("hoist")).isNull();
  }

  @Test
  void createPrintsBothUrlsAndAddsTheHoistRemote() throws Exception {
    GitRepo repo = GitRepo.init(work);
    api.on("POST", "/apps", 201, DEMO);

    CliRunner.Result result = CliRunner.against(api, home).in(work).run("apps:create", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "Creating demo... done\nhttp://demo.localhost:8080/ | ssh://git@127.0.0.1:2222/demo.git\n");
    assertThat(api.requests().get(0).json()).isEqualTo(Json.MAPPER.readTree("{\"name\":\"demo\"}"));
    assertThat(repo.remoteUrl("hoist")).isEqualTo("ssh://git@127.0.0.1:2222/demo.git");
  }

  @Test
  void createWithoutANameLetsTheApiChooseAndNoRemoteLeavesGitAlone() throws Exception {
    GitRepo repo = GitRepo.init(work);
    api.on("POST", "/apps", 201, DEMO);

    CliRunner.Result result =
        CliRunner.against(api, home).in(work).run("apps:create", "--no-remote");

    assertThat(result.out()).startsWith("Creating app... done, demo\n");
    assertThat(api.requests().get(0).json()).isEqualTo(Json.MAPPER.readTree("{}"));
    assertThat(repo.remoteUrl("hoist")).isNull();
  }

  @Test
  void renameRepointsTheRemoteThatNamedTheOldApp() {
    GitRepo repo = GitRepo.init(work);
    repo.git("remote", "add", "hoist", "ssh://git@127.0.0.1:2222/demo.git");
    api.on("PATCH", "/apps/demo", 200, DEMO.replace("demo", "shiny"));

    CliRunner.Result result = CliRunner.against(api, home).in(work).run("apps:rename", "shiny");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .startsWith("Renaming demo to shiny... done\n")
        .contains("Git remote hoist updated\n");
    assertThat(repo.remoteUrl("hoist")).isEqualTo("ssh://git@127.0.0.1:2222/shiny.git");
  }

  @Test
  void gitRemoteSetsTheRemoteToTheAppsGitUrl() {
    GitRepo repo = GitRepo.init(work);
    repo.git("remote", "add", "hoist", "ssh://git@127.0.0.1:2222/old.git");
    api.on("GET", "/apps/demo", 200, DEMO);

    CliRunner.Result result = CliRunner.against(api, home).in(work).run("git:remote", "-a", "demo");

    assertThat(result.out())
        .isEqualTo("set git remote hoist to ssh://git@127.0.0.1:2222/demo.git\n");
    assertThat(repo.remoteUrl("hoist")).isEqualTo("ssh://git@127.0.0.1:2222/demo.git");
  }

  @Test
  void appsNamesTheOwnerOnlyForOtherPeoplesApps() {
    api.on("GET", "/account", 200, "{\"email\":\"me@x.io\"}");
    api.on(
        "GET",
        "/apps",
        200,
        "["
            + DEMO
            + ","
            + DEMO.replace("\"demo\"", "\"shared\"").replace("me@x.io", "you@x.io")
            + "]");

    CliRunner.Result result = CliRunner.against(api, home).run("apps");

    assertThat(result.out()).isEqualTo("=== me@x.io Apps\ndemo\nshared  you@x.io\n");
  }

  @Test
  void jsonOptionsPrintTheApisJsonParseably() throws Exception {
    String releases = "[{\"version\":2,\"current\":true},{\"version\":1,\"current\":false}]";
    api.on("GET", "/apps", 200, "[" + DEMO + "]");
    api.on("GET", "/apps/demo", 200, DEMO);
    api.on("GET", "/apps/demo/config-vars", 200, "{\"A\":\"1\"}");
    api.on("GET", "/apps/demo/releases", 200, releases);
    CliRunner cli = CliRunner.against(api, home);

    assertThat(parse(cli.run("apps", "--json"))).isEqualTo(Json.MAPPER.readTree("[" + DEMO + "]"));
    assertThat(parse(cli.run("apps:info", "-a", "demo", "--json")))
        .isEqualTo(Json.MAPPER.readTree(DEMO));
    assertThat(parse(cli.run("config", "-a", "demo", "--json")))
        .isEqualTo(Json.MAPPER.readTree("{\"A\":\"1\"}"));
    assertThat(parse(cli.run("releases", "-a", "demo", "--json")))
        .isEqualTo(Json.MAPPER.readTree(releases));
  }

  private static JsonNode parse(CliRunner.Result result) throws Exception {
    assertThat(result.exitCode()).isZero();
    return Json.MAPPER.readTree(result.out());
  }
}
