package dev.hoist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.cli.io.Git;
import dev.hoist.cli.support.CliRunner;
import dev.hoist.cli.support.FakeApi;
import dev.hoist.cli.support.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppResolutionTest {

  @TempDir Path home;

  @TempDir Path work;

  private final FakeApi api = new FakeApi();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void appComesFromTheHoistRemoteOfTheRepositoryInTheWorkingDirectory() throws Exception {
    GitRepo repo = GitRepo.init(work);
    repo.git("remote", "add", "hoist", "ssh://git@127.0.0.1:2222/demo.git");
    api.on("GET", "/apps/demo/config-vars", 200, "{\"A\":\"1\"}");
    Path subdirectory = Files.createDirectories(work.resolve("src/main"));

    CliRunner.Result result = CliRunner.against(api, home).in(subdirectory).run("config:get", "A");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("1\n");
    assertThat(api.requests().get(0).path()).isEqualTo("/apps/demo/config-vars");
  }

  @Test
  void remoteOptionPicksAnotherRemoteAndAppOptionWinsOverBoth() {
    GitRepo repo = GitRepo.init(work);
    repo.git("remote", "add", "hoist", "ssh://git@127.0.0.1:2222/demo.git");
    repo.git("remote", "add", "staging", "http://127.0.0.1:8080/demo-staging.git");
    api.on("GET", "/apps/demo-staging/config-vars", 200, "{\"A\":\"staging\"}");
    api.on("GET", "/apps/other/config-vars", 200, "{\"A\":\"other\"}");
    CliRunner cli = CliRunner.against(api, home).in(work);

    assertThat(cli.run("config:get", "A", "-r", "staging").out()).isEqualTo("staging\n");
    assertThat(cli.run("config:get", "A", "-a", "other", "-r", "staging").out())
        .isEqualTo("other\n");
  }

  @Test
  void withoutAppOrRemoteTheCommandStopsWithOneLineAndSendsNothing() {
    GitRepo.init(work);

    CliRunner.Result result = CliRunner.against(api, home).in(work).run("config");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "hoist: no app specified: use -a APP or run inside a repository with a 'hoist' git remote\n");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void aNamedRemoteThatDoesNotExistIsReportedByName() {
    GitRepo.init(work);

    CliRunner.Result result = CliRunner.against(api, home).in(work).run("config", "-r", "prod");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("hoist: no git remote named 'prod' in this directory\n");
  }

  @ParameterizedTest
  @CsvSource({
    "ssh://git@127.0.0.1:2222/demo.git, demo",
    "http://localhost:8080/demo.git, demo",
    "https://hoist.example.com/my-app.git/, my-app",
    "git@hoist.example.com:demo.git, demo",
    "ssh://git@host/demo, demo",
  })
  void appNameIsTheLastPathSegmentOfTheGitUrl(String url, String app) {
    assertThat(Git.appFromUrl(url)).isEqualTo(app);
  }
}
