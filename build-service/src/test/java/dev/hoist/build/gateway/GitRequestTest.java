package dev.hoist.build.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitRequestTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "git-receive-pack '/demo-app.git'",
        "git-receive-pack 'demo-app.git'",
        "git-receive-pack /demo-app.git",
        "git-receive-pack demo-app.git"
      })
  void readsEveryPathFormGitSends(String command) throws Exception {
    assertThat(GitRequest.parseCommand(command))
        .isEqualTo(new GitRequest(GitService.RECEIVE_PACK, "demo-app"));
  }

  @Test
  void readsUploadPackForFetchesAndClones() throws Exception {
    assertThat(GitRequest.parseCommand("git-upload-pack '/demo-app.git'").service())
        .isEqualTo(GitService.UPLOAD_PACK);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "'/../demo.git'",
        "'/demo/../x.git'",
        "'/Demo.git'",
        "'/de.git'",
        "'/demo-.git'",
        "'/demo'",
        "'//demo.git'",
        "'/demo.git/'",
        "'/a-name-that-is-far-too-long-for-heroku.git'",
        "'/demo.git",
        "'/de mo.git'",
        "'/demo\n.git'"
      })
  void refusesPathsThatAreNotExactlyAnAppName(String path) {
    assertThatThrownBy(() -> GitRequest.parseCommand("git-receive-pack " + path))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("is not a Hoist repository");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ls",
        "git-upload-archive '/demo.git'",
        "git-receive-pack",
        "bash -c 'id'",
        "git-receive-pack  '/demo.git'"
      })
  void refusesEveryOtherCommand(String command) {
    assertThatThrownBy(() -> GitRequest.parseCommand(command)).isInstanceOf(UserError.class);
  }

  @Test
  void refusesAShellWithAHint() {
    assertThatThrownBy(() -> GitRequest.parseCommand(null))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("does not provide shell access");
  }

  @Test
  void echoesNoControlCharactersAndNoMoreThanAShortPrefix() {
    assertThatThrownBy(() -> GitRequest.parseCommand("\u001b[2J" + "x".repeat(500)))
        .hasMessageNotContaining("\u001b")
        .hasMessageContaining("…");
  }
}
