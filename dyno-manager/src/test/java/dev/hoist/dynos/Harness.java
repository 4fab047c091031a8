package dev.hoist.dynos;

import static org.assertj.core.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.hoist.dynos.docker.DockerConnection;
import dev.hoist.dynos.scheduler.Labels;
import dev.hoist.internal.dynos.DynoReport;
import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.state.DesiredState.OneOff;
import dev.hoist.internal.state.DesiredState.Process;
import dev.hoist.internal.state.DesiredState.Release;
import dev.hoist.internal.state.DesiredState.Slug;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * A dyno manager on the real engine against a {@link FakeApi}, in a scope of its own and a home
 * folder of its own (its checkpoint, pins and slug copies; never the platform's {@code ~/.hoist}),
 * with short timeouts. Closing it removes every container and image of that scope, and the home.
 */
final class Harness implements AutoCloseable {
  final FakeApi api;
  final Path home;
  final DynoSettings settings;
  DynoManager manager;
  final DockerConnection docker;
  final String scope = "it-" + UUID.randomUUID().toString().substring(0, 8);

  Harness(Map<String, String> overrides) throws Exception {
    docker = dockerOrSkip();
    api = new FakeApi();
    home = Files.createTempDirectory("hoist-dynos-it-");
    Map<String, String> s =
        new HashMap<>(
            Map.of(
                "api-url",
                api.url(),
                "component-token",
                FakeApi.TOKEN,
                "scope",
                scope,
                "attach-port",
                "0",
                "attach-bind",
                "127.0.0.1",
                "boot-timeout",
                "20s",
                "stop-grace",
                "5s",
                "drain-delay",
                "300ms",
                "backoff-initial",
                "2s",
                "tick",
                "1s"));
    s.put("state-wait", "5s");
    s.put("home", home.toString());
    s.putAll(overrides);
    settings = DynoSettings.from(k -> s.get(k.substring(DynoSettings.PREFIX.length())));
    manager = new DynoManager(settings).start();
  }

  /**
   * Closes the dyno manager and starts a new one on the same scope, as after a crash of the
   * platform.
   */
  void restartManager() throws Exception {
    manager.close();
    manager = new DynoManager(settings).start();
  }

  static DockerConnection dockerOrSkip() {
    DockerConnection c = DockerConnection.open();
    try {
      c.client().pingCmd().exec();
    } catch (RuntimeException e) {
      c.close();
      Assumptions.abort("no Docker engine answers: " + e.getMessage());
    }
    return c;
  }

  DockerClient client() {
    return docker.client();
  }

  /** A slug served by the fake api, as the desired state names it. */
  Slug slug(byte[] archive, Map<String, String> processTypes) {
    String id = UUID.randomUUID().toString();
    return new Slug(id, processTypes, TestSlugs.checksum(archive), api.blobUrl(id, archive));
  }

  static AppState app(
      String name, int version, Slug slug, Map<String, String> config, List<Process> formation) {
    return new AppState(
        UUID.randomUUID().toString(),
        name,
        null,
        new Release(UUID.randomUUID().toString(), version, slug, config),
        formation,
        Map.of(),
        List.of());
  }

  static AppState withOneOffs(AppState a, List<OneOff> oneOffs) {
    return new AppState(
        a.id(), a.name(), a.stackImage(), a.release(), a.formation(), a.restarts(), oneOffs);
  }

  static AppState withRestarts(AppState a, Map<String, Long> restarts) {
    return new AppState(
        a.id(), a.name(), a.stackImage(), a.release(), a.formation(), restarts, a.oneOffs());
  }

  static Process process(String type, int quantity, String command, int memoryMb) {
    return new Process(type, quantity, "standard-1X", memoryMb, 256, command);
  }

  /** The app's reported dynos that are up and routable. */
  List<DynoReport> routable(String app) {
    return api.dynos(app).stream()
        .filter(d -> d.state().equals("up") && d.routable() && d.address() != null)
        .toList();
  }

  List<Container> containers(String app) {
    return client()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(Labels.SCOPE, scope, Labels.APP, app))
        .exec();
  }

  static void await(Duration limit, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline)
        fail("timed out after " + limit.toSeconds() + " s waiting for " + what);
      try {
        Thread.sleep(20); // polling interval of a deadline-bound wait
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }

  static <T> T await(Duration limit, String what, Supplier<T> value) {
    Object[] seen = new Object[1];
    await(limit, what, () -> (seen[0] = value.get()) != null);
    @SuppressWarnings("unchecked")
    T t = (T) seen[0];
    return t;
  }

  @Override
  public void close() {
    manager.close();
    try {
      api.close();
    } catch (RuntimeException alreadyClosed) {
      // a test took the api away
    }
    DockerClient c = client();
    for (Container x :
        c.listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(Map.of(Labels.SCOPE, scope))
            .exec()) {
      try {
        c.removeContainerCmd(x.getId()).withForce(true).exec();
      } catch (RuntimeException ignored) {
        // gone already
      }
    }
    c.listImagesCmd()
        .withLabelFilter(Map.of(Labels.SCOPE, scope))
        .exec()
        .forEach(
            i -> {
              try {
                c.removeImageCmd(i.getId()).withForce(true).exec();
              } catch (RuntimeException ignored) {
                // gone already
              }
            });
    docker.close();
    try (var files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder; the OS clears it in the end
    }
  }
}
