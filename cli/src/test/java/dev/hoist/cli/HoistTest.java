package dev.hoist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.cli.support.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HoistTest {

  @TempDir Path home;

  @Test
  void helpAndVersionWorkWithoutAnApi() {
    CliRunner cli = new CliRunner(home);

    CliRunner.Result help = cli.run("--help");
    CliRunner.Result version = cli.run("version");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .startsWith("Usage: hoist")
        .contains("ps:scale", "config:set", "rollback");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("hoist-cli/");
  }
}
