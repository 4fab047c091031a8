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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
  private final Map<String, String> settings;
  private final List<Gateway> others = new CopyOnWriteArrayList<>();

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
    this.settings = Map.copyOf(values);
    this.gateway = start(settings);
  }

  /**
   * Another gateway on the same api and data folder (so the same host key and repositories), with
   * settings of its own on top: {@link #samePorts} to share the first one's ports, as in a deploy.
   * Closed with the fixture.
   */
  public Gateway another(Map<String, String> extra) throws IOException {
    Map<String, String> values = new HashMap<>(settings);
    values.putAll(extra);
    Gateway other = start(values);
    others.add(other);
    return other;
  }

  /** The settings that put a gateway on the first gateway's ports. */
  public Map<String, String> samePorts() {
    return Map.of(
        "hoist.ssh.port",
        Integer.toString(gateway.sshPort()),
        "hoist.gateway.http-port",
        Integer.toString(gateway.httpPort()));
  }

  private Gateway start(Map<String, String> values) throws IOException {
    return Gateway.start(
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
    return sshUrl(gateway.sshPort(), app);
  }

  public static String sshUrl(int port, String app) {
    return "ssh://git@127.0.0.1:" + port + "/" + app + ".git";
  }

  public String httpUrl(String user, String password, String app) {
    return httpUrl(gateway.httpPort(), user, password, app);
  }

  public static String httpUrl(int port, String user, String password, String app) {
    return "http://" + user + ":" + password + "@127.0.0.1:" + port + "/" + app + ".git";
  }

  /** Where a ref of the app's repository points in the shared folder, or null. */
  public String ref(FakeApi.App app, String ref) throws Exception {
    Path gitDir = home.resolve("repos").resolve(app.id() + ".git");
    Processes.Result r =
        git(root, null, "--git-dir", gitDir.toString(), "rev-parse", "--verify", "-q", ref);
    return r.exit() == 0 ? r.output().trim() : null;
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

  /**
   * ssh options that check the host key against {@code knownHosts} (adding it first, unless {@code
   * strictly}), under one name whatever the port: as a user's known_hosts would see gateways that
   * take turns on one address.
   */
  public static List<String> trusting(Path knownHosts, boolean strictly) {
    return List.of(
        "-o",
        "UserKnownHostsFile=" + knownHosts,
        "-o",
        "StrictHostKeyChecking=" + (strictly ? "yes" : "accept-new"),
        "-o",
        "HostKeyAlias=hoist-git");
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

  /** The commit HEAD names in a local repository. */
  public String head(Path src) throws Exception {
    return git(src, null, "rev-parse", "HEAD").output().trim();
  }

  /**
   * {@code git push URL REFSPEC} in the background (with {@code key} for SSH), returned once a line
   * containing {@code seen} came back: a build under way, usually.
   */
  public CompletableFuture<Processes.Result> pushSeen(
      String seen, Path src, Path key, String url, String refspec) throws InterruptedException {
    CountDownLatch saw = new CountDownLatch(1);
    CompletableFuture<Processes.Result> push =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return git(
                    src,
                    key,
                    line -> {
                      if (line.contains(seen)) saw.countDown();
                    },
                    "push",
                    url,
                    refspec);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    if (!saw.await(90, TimeUnit.SECONDS)) {
      throw new AssertionError("the push never printed '" + seen + "'");
    }
    return push;
  }

  /** Plain {@code ssh} with a command (null: ask for a shell). */
  public Processes.Result ssh(Path key, String command) throws Exception {
    return ssh(gateway.sshPort(), key, List.of(), command);
  }

  /**
   * The same, to any port, with ssh options of the test's own: before the fixture's, since ssh
   * keeps the first value it is given for each.
   */
  public Processes.Result ssh(int port, Path key, List<String> options, String command)
      throws Exception {
    List<String> base = sshOptions(key);
    List<String> cmd = new ArrayList<>(base.subList(0, 1));
    cmd.addAll(options);
    cmd.addAll(base.subList(1, base.size()));
    cmd.addAll(List.of("-p", Integer.toString(port), "git@127.0.0.1"));
    if (command != null) cmd.add(command);
    return Processes.run(root, env(null), Duration.ofSeconds(30), line -> {}, cmd);
  }

  @Override
  public void close() throws Exception {
    for (Gateway other : others) other.close();
    gateway.close();
    api.close();
  }
}
