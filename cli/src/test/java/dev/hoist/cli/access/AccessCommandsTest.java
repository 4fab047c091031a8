package dev.hoist.cli.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.cli.api.Json;
import dev.hoist.cli.support.CliRunner;
import dev.hoist.cli.support.FakeApi;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessCommandsTest {

  @TempDir Path home;

  private final FakeApi api = new FakeApi();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void accessListsCollaboratorsWithTheirRoles() {
    api.on(
        "GET",
        "/apps/demo/collaborators",
        200,
        """
                [{"user":{"email":"me@x.io"},"role":"owner"},{"user":{"email":"bob@x.io"},"role":"collaborator"}]""");

    CliRunner.Result result = CliRunner.against(api, home).run("access", "-a", "demo");

    assertThat(result.out())
        .isEqualTo("=== demo Access List\nme@x.io   owner\nbob@x.io  collaborator\n");
  }

  @Test
  void accessAddAndRemoveAddressTheCollaboratorByEmail() throws Exception {
    api.on("POST", "/apps/demo/collaborators", 201, "{}");
    api.on("DELETE", "/apps/demo/collaborators/bob%2Btest@x.io", 200, "{}");
    CliRunner cli = CliRunner.against(api, home);

    CliRunner.Result added = cli.run("access:add", "bob+test@x.io", "-a", "demo");
    CliRunner.Result removed = cli.run("access:remove", "bob+test@x.io", "-a", "demo");

    assertThat(api.requests("POST").get(0).json())
        .isEqualTo(Json.MAPPER.readTree("{\"user\":\"bob+test@x.io\"}"));
    assertThat(added.out()).isEqualTo("Adding bob+test@x.io access to the app demo... done\n");
    assertThat(removed.exitCode()).isZero();
    assertThat(api.requests("DELETE").get(0).path())
        .isEqualTo("/apps/demo/collaborators/bob%2Btest@x.io");
  }
}
