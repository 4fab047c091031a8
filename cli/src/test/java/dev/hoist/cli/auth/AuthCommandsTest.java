package dev.hoist.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.cli.io.Credentials;
import dev.hoist.cli.io.CredentialsFile;
import dev.hoist.cli.support.CliRunner;
import dev.hoist.cli.support.FakeApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthCommandsTest {

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
  void loginChecksTheKeyThenWritesCredentialsReadableOnlyByTheUser() throws Exception {
    api.on("GET", "/account", 200, "{\"email\":\"me@x.io\",\"admin\":false}");

    CliRunner.Result result =
        new CliRunner(home).stdin("me@x.io\nsecret-key\n").run("login", "--api-url", api.url());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("Logged in as me@x.io\n");
    assertThat(api.requests().get(0).header("Authorization")).isEqualTo("Bearer secret-key");
    Path file = home.resolve(".hoist/credentials.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(new CredentialsFile(file).read())
        .isEqualTo(new Credentials(api.url(), "me@x.io", "secret-key"));
  }

  @Test
  void loginRefusesAKeyOfAnotherAccountAndWritesNothing() {
    api.on("GET", "/account", 200, "{\"email\":\"admin@x.io\"}");

    CliRunner.Result result =
        new CliRunner(home)
            .stdin("secret-key\n")
            .run("login", "--api-url", api.url(), "--email", "me@x.io");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).endsWith(" !    that API key belongs to admin@x.io, not me@x.io\n");
    assertThat(home.resolve(".hoist/credentials.json")).doesNotExist();
  }

  @Test
  void logoutRemovesOnlyTheKey() throws Exception {
    writeCredentials("{\"api_url\":\"http://h:5000\",\"email\":\"me@x.io\",\"api_key\":\"k\"}");

    CliRunner.Result result = new CliRunner(home).run("logout");

    assertThat(result.exitCode()).isZero();
    assertThat(new CredentialsFile(home.resolve(".hoist/credentials.json")).read())
        .isEqualTo(new Credentials("http://h:5000", "me@x.io", null));
  }
}
