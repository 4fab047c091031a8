package dev.hoist.dynos;

import static dev.hoist.dynos.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import dev.hoist.dynos.checkpoint.CheckpointFile;
import dev.hoist.dynos.scheduler.Labels;
import dev.hoist.internal.dynos.DynoReport;
import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.state.DesiredState.DynoOptions;
import dev.hoist.internal.state.DesiredState.Mount;
import dev.hoist.internal.state.DesiredState.Slug;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The platform's own apps (issue 14, "Hoist on Hoist"): run from the checkpoint when the api is
 * gone, protected from states that lack them, on the host's network with fixed or free ports and
 * host folders, pinned back to an earlier release with the api down. Each test has a manager of its
 * own: several take the api away.
 */
class PlatformIT {
  private static final Duration LIMIT = Duration.ofSeconds(40);
  private static final DynoOptions FREE_PORTS = new DynoOptions(true, null, List.of());

  private static AppState platform(
      String name, int version, Slug slug, int web, DynoOptions options) {
    AppState a =
        Harness.app(
            name,
            version,
            slug,
            Map.of("TAG", "v" + version),
            List.of(Harness.process("web", web, "node web.js", 128)));
    return new AppState(
        a.id(),
        a.name(),
        a.stackImage(),
        a.release(),
        a.formation(),
        a.restarts(),
        a.oneOffs(),
        true,
        options);
  }

  private static AppState ordinary(String name, int version, Slug slug) {
    return Harness.app(
        name,
        version,
        slug,
        Map.of("TAG", "v" + version),
        List.of(Harness.process("web", 1, "node web.js", 128)));
  }

  private static String address(InetSocketAddress a) {
    return a.getHostString() + ":" + a.getPort();
  }

  private static String answer(String address) {
    try {
      return HttpProbe.get(address, "/").strip();
    } catch (IOException e) {
      return null;
    }
  }

  /** What the app's up dynos answer through the manager's own book, as the stable address asks. */
  private static Set<String> answers(Harness h, String app) {
    return h.manager.addresses(app, "web").stream()
        .map(a -> answer(address(a)))
        .collect(Collectors.toSet());
  }

  private static List<Container> running(Harness h, String app) {
    return h.containers(app).stream().filter(c -> "running".equals(c.getState())).toList();
  }

  @Test
  void bringsThePlatformBackFromTheCheckpointWithTheApiGoneAndEveryContainerRemoved()
      throws Exception {
    try (Harness h = new Harness(Map.of())) {
      Slug apiSlug = h.slug(TestSlugs.web(), Map.of("web", "node web.js"));
      Slug demoSlug = h.slug(TestSlugs.web(), Map.of("web", "node web.js"));
      h.api.put(platform("hoist-api", 1, apiSlug, 2, FREE_PORTS));
      h.api.put(ordinary("demo", 1, demoSlug));
      await(LIMIT, "two api dynos up", () -> h.routable("hoist-api").size() == 2);
      await(LIMIT, "the demo up", () -> h.routable("demo").size() == 1);
      Path copy = h.home.resolve("dynos/slugs/" + apiSlug.id() + ".tgz");
      await(LIMIT, "the platform slug copied to disk", () -> Files.isRegularFile(copy));
      assertThat(h.home.resolve("dynos/slugs/" + demoSlug.id() + ".tgz"))
          .as("an ordinary app's slug stays behind the api")
          .doesNotExist();
      assertThat(new CheckpointFile(h.settings.checkpoint()).read().orElseThrow().state().apps())
          .extracting(AppState::name)
          .containsExactlyInAnyOrder("hoist-api", "demo");

      // A reboot with the api gone: no container left, and the platform's image gone too.
      h.manager.close();
      h.api.close();
      for (Container c : h.containers("hoist-api"))
        h.client().removeContainerCmd(c.getId()).withForce(true).exec();
      for (Container c : h.containers("demo"))
        h.client().removeContainerCmd(c.getId()).withForce(true).exec();
      h.client()
          .listImagesCmd()
          .withLabelFilter(Map.of(Labels.SCOPE, h.scope, Labels.SLUG, apiSlug.id()))
          .exec()
          .forEach(i -> h.client().removeImageCmd(i.getId()).withForce(true).exec());
      h.manager = new DynoManager(h.settings).start();

      await(
          LIMIT,
          "both api dynos answering at the stable address's addresses",
          () -> answers(h, "hoist-api").equals(Set.of("web.1 v1", "web.2 v1")));
      await(LIMIT, "the demo answering", () -> answers(h, "demo").equals(Set.of("web.1 v1")));
    }
  }

  @Test
  void keepsRunningAPlatformAppThatAStateLacksWhileStoppingAnOrdinaryOne() throws Exception {
    try (Harness h = new Harness(Map.of())) {
      Slug slug = h.slug(TestSlugs.web(), Map.of("web", "node web.js"));
      h.api.put(platform("hoist-router", 1, slug, 1, null));
      h.api.put(platform("hoist-gateway", 1, slug, 1, null));
      h.api.put(ordinary("doomed", 1, slug));
      await(LIMIT, "the gateway up", () -> h.routable("hoist-gateway").size() == 1);
      await(LIMIT, "doomed up", () -> h.routable("doomed").size() == 1);
      String gateway = h.routable("hoist-gateway").get(0).containerId();

      h.api.remove("hoist-gateway");
      h.api.remove("doomed");
      await(LIMIT, "doomed gone", () -> h.containers("doomed").isEmpty());
      assertThat(running(h, "hoist-gateway")).extracting(Container::getId).containsExactly(gateway);
      assertThat(h.manager.addresses("hoist-gateway", "web")).hasSize(1);
    }
  }

  @Test
  void runsEachDynoOnAFreeHostPortThatItKeepsWhenAdopted() throws Exception {
    try (Harness h = new Harness(Map.of())) {
      Slug slug = h.slug(TestSlugs.web(), Map.of("web", "node web.js"));
      h.api.put(platform("hoist-api", 1, slug, 2, FREE_PORTS));
      await(LIMIT, "two up", () -> h.routable("hoist-api").size() == 2);
      List<DynoReport> before = h.routable("hoist-api");
      Set<String> addresses = before.stream().map(DynoReport::address).collect(Collectors.toSet());
      assertThat(addresses).hasSize(2).allMatch(a -> a.startsWith("127.0.0.1:"));
      for (DynoReport d : before) {
        String port = d.address().substring("127.0.0.1:".length());
        var facts = new ObjectMapper().readTree(HttpProbe.get(d.address(), "/facts"));
        assertThat(facts.get("port").asText()).isEqualTo(port);
        assertThat(facts.get("uid").asInt()).as("still the dyno user").isEqualTo(1000);
        InspectContainerResponse c = h.client().inspectContainerCmd(d.containerId()).exec();
        assertThat(c.getHostConfig().getNetworkMode()).isEqualTo("host");
        assertThat(c.getConfig().getLabels()).containsEntry(Labels.PORT, port);
      }
      await(
          LIMIT,
          "the book's addresses",
          () ->
              h.manager.addresses("hoist-api", "web").stream()
                  .map(PlatformIT::address)
                  .collect(Collectors.toSet())
                  .equals(addresses));

      h.restartManager();
      h.api.put(platform("hoist-api", 1, slug, 3, FREE_PORTS)); // a change the new manager acts on
      await(LIMIT, "three up", () -> h.routable("hoist-api").size() == 3);
      assertThat(h.routable("hoist-api"))
          .extracting(DynoReport::containerId, DynoReport::address)
          .as("the adopted dynos keep their containers and ports")
          .containsAll(
              before.stream()
                  .map(d -> org.assertj.core.groups.Tuple.tuple(d.containerId(), d.address()))
                  .toList());
    }
  }

  /** Serves what the host put in /in; writes a file into /out at boot. */
  private static final String MOUNTS_JS =
      """
      const http = require('http'), fs = require('fs');
      fs.writeFileSync('/out/' + process.env.DYNO,
        'written by ' + process.env.DYNO + ', sharing ' + process.env.HOIST_SHARED_PORT);
      http.createServer((req, res) => res.end(fs.readFileSync('/in/hello', 'utf8')))
        .listen(process.env.PORT);
      """;

  @Test
  void givesEveryWebDynoAPortOfItsOwnTheSharedPortAndTheHostFolders() throws Exception {
    try (Harness h = new Harness(Map.of())) {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      Path in = Files.createDirectories(h.home.resolve("in"));
      Files.writeString(in.resolve("hello"), "hello from the host");
      Path out = h.home.resolve("made/out");
      Slug slug =
          h.slug(TestSlugs.tarGz(Map.of("web.js", MOUNTS_JS)), Map.of("web", "node web.js"));
      h.api.put(
          platform(
              "hoist-router",
              1,
              slug,
              1,
              new DynoOptions(
                  true,
                  port,
                  List.of(
                      new Mount(in.toString(), "/in", true),
                      new Mount(out.toString(), "/out", false)))));
      DynoReport up =
          await(
              LIMIT,
              "web.1 up",
              () -> h.routable("hoist-router").stream().findFirst().orElse(null));
      // Its own port, where the boot check connects: a shared one would be answered by the dyno a
      // deploy replaces. The shared port comes as HOIST_SHARED_PORT.
      assertThat(up.address()).startsWith("127.0.0.1:").isNotEqualTo("127.0.0.1:" + port);
      assertThat(HttpProbe.get(up.address(), "/")).isEqualTo("hello from the host");
      assertThat(out.resolve("web.1")).hasContent("written by web.1, sharing " + port);
    }
  }

  @Test
  void runsAPinnedReleaseWithTheApiDownAndNeverCollectsAPlatformImage() throws Exception {
    try (Harness h = new Harness(Map.of("image-gc-after", "1s"))) {
      Slug v1 = h.slug(TestSlugs.web(), Map.of("web", "node web.js"));
      Slug v2 = h.slug(TestSlugs.web(), Map.of("web", "node web.js"));
      h.api.put(platform("hoist-router", 1, v1, 1, FREE_PORTS));
      await(LIMIT, "v1 answering", () -> answers(h, "hoist-router").equals(Set.of("web.1 v1")));
      h.api.put(platform("hoist-router", 2, v2, 1, FREE_PORTS));
      await(
          LIMIT,
          "v2 alone",
          () ->
              running(h, "hoist-router").size() == 1
                  && answers(h, "hoist-router").equals(Set.of("web.1 v2")));

      // An ordinary app's old image going shows that the collector has run since.
      Slug w1 = h.slug(TestSlugs.web(), Map.of("web", "node web.js"));
      Slug w2 = h.slug(TestSlugs.web(), Map.of("web", "node web.js"));
      h.api.put(ordinary("witness", 1, w1));
      await(LIMIT, "witness v1 up", () -> h.routable("witness").size() == 1);
      h.api.put(ordinary("witness", 2, w2));
      await(LIMIT, "witness v1's image collected", () -> images(h, w1) == 0);
      assertThat(images(h, v1)).as("a platform release's image stays").isEqualTo(1);

      h.api.down = true;
      Path pins = h.home.resolve("dynos/pins.json");
      Files.writeString(pins, "{\"hoist-router\": 1}");
      await(
          LIMIT,
          "v1 alone again, with the api down",
          () ->
              running(h, "hoist-router").size() == 1
                  && "1".equals(running(h, "hoist-router").get(0).getLabels().get(Labels.RELEASE))
                  && answers(h, "hoist-router").equals(Set.of("web.1 v1")));

      Files.delete(pins);
      await(
          LIMIT,
          "v2 back once the pin is gone",
          () ->
              running(h, "hoist-router").size() == 1
                  && answers(h, "hoist-router").equals(Set.of("web.1 v2")));
    }
  }

  private static int images(Harness h, Slug slug) {
    return h.client()
        .listImagesCmd()
        .withLabelFilter(Map.of(Labels.SCOPE, h.scope, Labels.SLUG, slug.id()))
        .exec()
        .size();
  }
}
