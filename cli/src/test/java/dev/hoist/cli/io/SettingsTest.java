package dev.hoist.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.cli.support.CliRunner;
import dev.hoist.cli.support.FakeApi;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @TempDir Path home;

  private final FakeApi api = new FakeApi();

  @AfterEach
  void stop() {
    api.close();
  }

  private void writeCredentials(String json) throws Exception {
    Files.createDirectories(home.resolve(".hoist"));
    Files.writeString(home.resolve(".hoist/credentials.json"), json);
  }

  @Test
  void environmentVariablesOverrideTheCredentialsFile() throws Exception {
    writeCredentials(
        "{\"api_url\":\"http://127.0.0.1:1\",\"email\":\"me@x.io\",\"api_key\":\"file-key\"}");
    api.on("GET", "/account", 200, "{\"email\":\"me@x.io\"}");

    CliRunner.Result result =
        new CliRunner(home)
            .env("HOIST_API_URL", api.url())
            .env("HOIST_API_KEY", "env-key")
            .run("auth:whoami");

    assertThat(result.exitCode()).isZero();
    assertThat(api.requests().get(0).header("Authorization")).isEqualTo("Bearer env-key");
  }

  @Test
  void theCredentialsFileIsUsedWhenTheEnvironmentIsSilent() throws Exception {
    writeCredentials(
        "{\"api_url\":\"" + api.url() + "/\",\"email\":\"me@x.io\",\"api_key\":\"file-key\"}");

    CliRunner.Result token = new CliRunner(home).run("auth:token");
    new CliRunner(home).run("auth:whoami");

    assertThat(token.out()).isEqualTo("file-key\n");
    assertThat(api.requests().get(0).header("Authorization")).isEqualTo("Bearer file-key");
    assertThat(api.requests().get(0).path()).isEqualTo("/account");
  }

  @Test
  void hoistHomeMovesTheCredentialsFile() throws Exception {
    Path elsewhere = Files.createDirectories(home.resolve("platform"));
    Files.writeString(elsewhere.resolve("credentials.json"), "{\"api_key\":\"platform-key\"}");

    CliRunner.Result result =
        new CliRunner(home).env("HOIST_HOME", elsewhere.toString()).run("auth:token");

    assertThat(result.out()).isEqualTo("platform-key\n");
  }

  @Test
  void theApiUrlDefaultsToLocalhostPort5000() {
    Settings settings =
        Settings.resolve(Environment.of(java.util.Map.of(), home, home, ""), Credentials.NONE);

    assertThat(settings.apiUrl()).isEqualTo("http://127.0.0.1:5000");
    assertThat(settings.apiKey()).isNull();
  }

  @Test
  void withoutAKeyCommandsSayHowToLogInAndSendNothing() {
    CliRunner.Result result = new CliRunner(home).env("HOIST_API_URL", api.url()).run("apps");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(" !    not logged in: run 'hoist login' or set HOIST_API_KEY\n");
    assertThat(api.requests()).isEmpty();
  }
}
