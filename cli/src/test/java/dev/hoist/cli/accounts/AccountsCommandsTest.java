package dev.hoist.cli.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.cli.support.CliRunner;
import dev.hoist.cli.support.FakeApi;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsCommandsTest {

  @TempDir Path home;

  private final FakeApi api = new FakeApi();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void accountsAddPrintsTheNewKeyOnceWithAWarning() {
    api.on("POST", "/accounts", 201, "{\"email\":\"new@x.io\",\"api_key\":\"hk_123\"}");

    CliRunner.Result result = CliRunner.against(api, home).run("accounts:add", "new@x.io");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("API key: hk_123\n").contains("will not be shown again");
  }
}
