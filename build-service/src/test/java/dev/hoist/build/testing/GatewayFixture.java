package dev.hoist.build.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.build.Settings;
import dev.hoist.build.gateway.Gateway;
import dev.hoist.build.gateway.GatewaySettings;
import dev.hoist.internal.InternalApi;
import dev.hoist.internal.builds.GatewayApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A gateway started in-process against a {@link FakeApi}, on free ports, with a fresh HOIST_HOME;
 * ed25519 keys made by the real {@code ssh-keygen}; and helpers to run the real {@code git} and
 * {@code ssh} against it as a user would (journey.sh's way of pushing).
 */
public final class GatewayFixture implements AutoCloseable {
  public final Path root;
  public final Path home;
  public final FakeApi api;
  public final Gateway gateway;

  public GatewayFixture(Path root) throws IOException {
    this(root, Map.of());
  }

  /** With settings of the test's own on top of the fixture's (free ports, a fresh HOIST_HOME). */
  public GatewayFixture(Path root, Map<String, String> extra) throws IOException {
    this.root = root;
    this.home = Files.createDirectories(root.resolve("hoist-home"));
    Files.createDirectories(root.resolve("user-home"));
    this.api = new FakeApi();
    Map<String, String> values =
        new HashMap<>(
            Map.of(
                "hoist.home",
                home.toString(),
                "hoist.ssh.port",
                "0",
                "hoist.gateway.http-port",
                "0",
                "hoist.ssh.bind-address",
                "127.0.0.1",
                "hoist.gateway.http-bind-address",
                "127.0.0.1",
                "hoist.gateway.build-wait-seconds",
                "60"));
    values.putAll(extra);
    this.gateway =
        Gateway.start(
            GatewaySettings.from(Settings.of(values)),
            new GatewayApi(new InternalApi(api.url(), FakeApi.TOKEN)));
  }

  /**
   * A new ed25519 key pair; returns the private key's path (the public one is next to it, .pub).
   */
  public Path key(String name) throws Exception {
    Path key = root.resolve("key-" + name);
    Processes.Result r =
        Processes.run(
            root,
            Map.of(),
            "ssh-keygen",
            "-q",
            "-t",
            "ed25519",
            "-N",
            "",
            "-f",
            key.toString(),
            "-C",
            name);
    assertThat(r.exit()).as(r.output()).isZero();
    return key;
  }

  /** The key's SHA-256 fingerprint as OpenSSH prints it. */
  public String fingerprint(Path key) throws Exception {
    Processes.Result r =
        Processes.run(root, Map.of(), "ssh-keygen", "-l", "-E", "sha256", "-f", key + ".pub");
    return r.output().trim().split("\\s+")[1];
  }

  public String sshUrl(String app) {
    return "ssh://git@127.0.0.1:" + gateway.sshPort() + "/" + app + ".git";
  }

  public String httpUrl(String user, String password, String app) {
    return "http://"
        + user
        + ":"
        + password
        + "@127.0.0.1:"
        + gateway.httpPort()
        + "/"
        + app
        + ".git";
  }

  /** The environment of a user's shell: no config of this machine's user, no agent, no prompts. */
  public Map<String, String> env(Path key) {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", root.resolve("user-home").toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("LANG", "C");
    if (key != null) env.put("GIT_SSH_COMMAND", String.join(" ", sshOptions(key)));
    return env;
  }

  private static List<String> sshOptions(Path key) {
    return List.of(
        "ssh",
        "-i",
        key.toString(),
        "-o",
        "IdentitiesOnly=yes",
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "LogLevel=ERROR",
        "-o",
        "BatchMode=yes");
  }

  /** A git repository with the given files, committed on main. */
  public Path repo(String name, Map<String, String> files) throws Exception {
    Path dir = Files.createDirectories(root.resolve("src-" + name));
    git(dir, null, "init", "-q", "-b", "main");
    return commit(dir, files, "first");
  }

  public Path commit(Path dir, Map<String, String> files, String message) throws Exception {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = dir.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue());
    }
    git(dir, null, "add", "-A");
    Processes.Result r =
        git(
            dir,
            null,
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "commit",
            "-qm",
            message);
    assertThat(r.exit()).as(r.output()).isZero();
    return dir;
  }

  public Processes.Result git(Path dir, Path key, String... args) throws Exception {
    return git(dir, key, line -> {}, args);
  }

  public Processes.Result git(Path dir, Path key, Consumer<String> onLine, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    return Processes.run(dir, env(key), Duration.ofSeconds(90), onLine, command);
  }

  /** Plain {@code ssh} with a command (null: ask for a shell). */
  public Processes.Result ssh(Path key, String command) throws Exception {
    List<String> cmd = new ArrayList<>(sshOptions(key));
    cmd.addAll(List.of("-p", Integer.toString(gateway.sshPort()), "git@127.0.0.1"));
    if (command != null) cmd.add(command);
    return Processes.run(root, env(null), Duration.ofSeconds(30), line -> {}, cmd);
  }

  @Override
  public void close() throws Exception {
    gateway.close();
    api.close();
  }
}
