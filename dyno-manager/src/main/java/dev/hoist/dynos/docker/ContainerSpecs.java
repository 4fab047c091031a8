package dev.hoist.dynos.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Volume;
import dev.hoist.dynos.scheduler.DynoNames;
import dev.hoist.dynos.scheduler.DynoSpec;
import dev.hoist.dynos.scheduler.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link DynoSpec} into a container: the dyno contract (DESIGN.md) in Docker terms.
 *
 * <p>The process is {@code bash -c BOOT CMD}: BOOT sets the terminal size of an attached one-off
 * from {@code LINES}/{@code COLUMNS} (the engine can only resize a running container, which would
 * race the command), sources {@code .profile.d/*.sh} and {@code .profile}, then runs the command.
 * Docker's init (tini) is PID 1 and, with {@code TINI_KILL_PROCESS_GROUP}, passes SIGTERM to the
 * whole process group, as Heroku signals every process of a dyno. The shell traps TERM with a no-op
 * so that it outlives its child's graceful shutdown instead of dying first (which would end tini
 * and with it the container, SIGKILLing the app mid-shutdown); the dyno's exit status stays the
 * command's.
 */
final class ContainerSpecs {
  static final String BOOT =
      "[ -t 0 ] && [ -n \"$LINES\" ] && stty rows \"$LINES\" cols \"$COLUMNS\" 2>/dev/null; "
          + "for f in /app/.profile.d/*.sh; do [ -r \"$f\" ] && . \"$f\"; done; "
          + "[ -r /app/.profile ] && . /app/.profile; trap : TERM; eval \"$1\"";

  /**
   * Apps whose dynos run builds of other people's code ({@code HOIST_DYNOS_BUILDER_APPS}, default
   * {@code hoist-builder}). Their dynos start as root with exactly the capabilities needed to run
   * each build under a uid of its own (setuid/setgid, chown, reading and killing that uid's files
   * and processes), so a build cannot read the slug compiler's environment, where the component
   * token lives.
   */
  static final java.util.Set<String> BUILDER_APPS =
      java.util.Set.of(
          java.util.Optional.ofNullable(System.getenv("HOIST_DYNOS_BUILDER_APPS"))
              .orElse("hoist-builder")
              .split(","));

  private static final Capability[] BUILDER_CAPS = {
    Capability.SETUID,
    Capability.SETGID,
    Capability.CHOWN,
    Capability.DAC_OVERRIDE,
    Capability.FOWNER,
    Capability.KILL
  };

  /**
   * The container's hard memory limit, as a multiple of its size's quota. Heroku lets a dyno go
   * past its quota (it swaps, and R14 is logged: {@code dev.hoist.dynos.memory}) and kills it only
   * at twice the quota (R15), for every size Hoist offers. These hosts have no swap, so the dyno
   * may use the room up to 2x as RAM; the kernel's OOM kill at the limit is R15.
   */
  static final int R15_FACTOR = 2;

  /** The network mode of dynos on the host's network. */
  static final String HOST_NETWORK = "host";

  /**
   * A dyno this backend cannot make as asked (a mount or a free port it cannot provide); the
   * message says why.
   */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  private final String scope;
  private final String network;
  private final long logMaxBytes;
  private final FreePorts ports = new FreePorts(60_000);

  ContainerSpecs(String scope, String network, long logMaxBytes) {
    this.scope = scope;
    this.network = network;
    this.logMaxBytes = logMaxBytes;
  }

  CreateContainerCmd create(DockerClient docker, DynoSpec spec, String image) {
    DynoSpec.Platform platform =
        spec.platform() == null ? DynoSpec.Platform.PLAIN : spec.platform();
    long memory = spec.memoryMb() * 1024L * 1024L * R15_FACTOR;
    HostConfig host =
        HostConfig.newHostConfig()
            .withInit(true)
            .withPrivileged(false)
            .withCapDrop(Capability.ALL)
            .withSecurityOpts(List.of("no-new-privileges"))
            .withMemory(memory)
            .withMemorySwap(memory) // equal to the memory limit: no swap (the host has none)
            .withPidsLimit((long) spec.pids())
            .withNetworkMode(platform.hostNetwork() ? HOST_NETWORK : network)
            .withLogConfig(
                new LogConfig(
                    LogConfig.LoggingType.JSON_FILE,
                    Map.of("max-size", Long.toString(logMaxBytes), "max-file", "2")));
    if (!platform.mounts().isEmpty()) host.withBinds(binds(platform.mounts()));
    boolean builder = BUILDER_APPS.contains(spec.app());
    if (builder) host.withCapAdd(BUILDER_CAPS);
    // A platform app with mounts shares the seed's folders (blobs, repositories, keys), which are
    // root's: its dynos run as root, with every capability still dropped, so root is no more than
    // the owner of those files.
    List<String> env = new ArrayList<>();
    spec.env().forEach((k, v) -> env.add(k + "=" + v));
    env.add("TINI_KILL_PROCESS_GROUP=1");
    Map<String, String> labels = labels(spec);
    if (platform.hostNetwork()) {
      String port = platform.freePort() ? Integer.toString(freePort()) : spec.env().get("PORT");
      if (platform.freePort()) env.add("PORT=" + port);
      if (port != null) labels.put(Labels.PORT, port);
    }
    return docker
        .createContainerCmd(image)
        .withName(DynoNames.container(scope, spec))
        .withLabels(labels)
        .withUser(builder || !platform.mounts().isEmpty() ? "root" : "dyno")
        .withWorkingDir("/app")
        .withEnv(env)
        .withEntrypoint("bash", "-c", BOOT, "bash", spec.command())
        .withCmd(List.of())
        .withHostConfig(host)
        .withTty(spec.tty())
        .withStdinOpen(spec.stdin())
        .withStdInOnce(spec.stdin())
        .withAttachStdin(spec.stdin())
        .withAttachStdout(spec.stdin())
        .withAttachStderr(spec.stdin());
  }

  private int freePort() {
    try {
      return ports.next();
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new Refused(e.getMessage());
    }
  }

  /** Bind mounts of host directories, each made first when missing. */
  static List<Bind> binds(List<DynoSpec.Mount> mounts) {
    List<Bind> binds = new ArrayList<>();
    for (DynoSpec.Mount m : mounts) {
      Path source = Path.of(m.source());
      if (!source.isAbsolute()
          || !source.normalize().equals(source)
          || !m.target().startsWith("/")
          || m.target().contains("..")) {
        throw new Refused(
            "cannot mount " + m.source() + " at " + m.target() + ": not plain absolute paths");
      }
      try {
        // Made as the manager's user's, like the seed's own folders: dynos with mounts run as root
        // (no capabilities), which owns them.
        if (!Files.isDirectory(source)) Files.createDirectories(source);
      } catch (IOException e) {
        throw new Refused("cannot make the host directory " + m.source() + ": " + e.getMessage());
      }
      binds.add(
          new Bind(
              m.source(), new Volume(m.target()), m.readOnly() ? AccessMode.ro : AccessMode.rw));
    }
    return binds;
  }

  private Map<String, String> labels(DynoSpec spec) {
    Map<String, String> labels = new HashMap<>();
    labels.put(Labels.SCOPE, scope);
    labels.put(Labels.APP, spec.app());
    labels.put(Labels.DYNO, spec.dyno());
    labels.put(Labels.TYPE, spec.type());
    labels.put(Labels.RELEASE, Integer.toString(spec.release()));
    labels.put(Labels.SLUG, spec.slugId());
    labels.put(Labels.GENERATION, Long.toString(spec.generation()));
    labels.put(Labels.STARTED, Long.toString(System.currentTimeMillis()));
    labels.put(Labels.ONE_OFF, Boolean.toString(spec.oneOff()));
    labels.put(Labels.COMMAND, spec.command());
    labels.put(Labels.SIZE, spec.size());
    labels.put(Labels.MEMORY, Integer.toString(spec.memoryMb()));
    labels.put(Labels.SPEC, spec.digest());
    return labels;
  }
}
