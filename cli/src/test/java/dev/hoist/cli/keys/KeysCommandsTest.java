package dev.hoist.cli.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.cli.support.CliRunner;
import dev.hoist.cli.support.FakeApi;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandsTest {

  @TempDir Path home;

  private final FakeApi api = new FakeApi();

  private static final String KEYS =
      """
            [{"id":"k1","fingerprint":"SHA256:abc/def+1","comment":"laptop"},
             {"id":"k2","fingerprint":"SHA256:xyz","comment":"ci"},
             {"id":"k3","fingerprint":"SHA256:uvw","comment":"ci"}]""";

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void keysAddUploadsTheFirstDefaultKeyThatExists() throws Exception {
    Files.createDirectories(home.resolve(".ssh"));
    Files.writeString(home.resolve(".ssh/id_rsa.pub"), "ssh-rsa AAAArsa me@laptop\n");
    Files.writeString(
        home.resolve(".ssh/id_ecdsa.pub"), "ecdsa-sha2-nistp256 AAAAecdsa me@laptop\n");
    api.on(
        "POST",
        "/account/keys",
        201,
        "{\"id\":\"k9\",\"fingerprint\":\"SHA256:new\",\"comment\":\"me@laptop\"}");

    CliRunner.Result result = CliRunner.against(api, home).run("keys:add");

    assertThat(result.exitCode()).isZero();
    assertThat(api.requests().get(0).json().get("public_key").asText())
        .isEqualTo("ecdsa-sha2-nistp256 AAAAecdsa me@laptop");
    assertThat(result.out()).endsWith("SHA256:new  me@laptop\n");
  }

  @Test
  void keysAddWithoutAnyKeySaysWhereItLookedAndSendsNothing() {
    CliRunner.Result result = CliRunner.against(api, home).run("keys:add");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith(" !    no SSH public key found in ")
        .contains("id_ed25519.pub");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void keysRemoveFindsTheKeyByFingerprintAndDeletesItById() {
    api.on("GET", "/account/keys", 200, KEYS);
    api.on("DELETE", "/account/keys/k1", 200, "{\"id\":\"k1\"}");

    CliRunner.Result result = CliRunner.against(api, home).run("keys:remove", "SHA256:abc/def+1");

    assertThat(result.exitCode()).isZero();
    assertThat(api.requests("DELETE").get(0).path()).isEqualTo("/account/keys/k1");
    assertThat(result.out()).isEqualTo("Removing SHA256:abc/def+1 SSH key... done\n");
  }

  @Test
  void keysRemoveRefusesACommentThatMatchesTwoKeys() {
    api.on("GET", "/account/keys", 200, KEYS);

    CliRunner.Result result = CliRunner.against(api, home).run("keys:remove", "ci");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo(" !    2 SSH keys match ci: name one by its fingerprint\n");
    assertThat(api.requests("DELETE")).isEmpty();
  }
}
