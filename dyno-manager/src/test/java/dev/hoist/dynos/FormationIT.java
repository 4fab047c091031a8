package dev.hoist.dynos;

import static dev.hoist.dynos.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.hoist.internal.dynos.DynoReport;
import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.state.DesiredState.Slug;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Web dynos on the real engine: the dyno contract, scaling both ways, graceful stops, a killed
 * dyno's return.
 */
class FormationIT {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static Harness h;
  private static Slug slug;

  @BeforeAll
  static void start() throws Exception {
    h = new Harness(Map.of());
    slug = h.slug(TestSlugs.web(), Map.of("web", "node web.js"));
  }

  @AfterAll
  static void stop() {
    if (h != null) h.close();
  }

  private static AppState web(String app, int quantity) {
    return Harness.app(
        app,
        1,
        slug,
        Map.of("TAG", "v1"),
        List.of(Harness.process("web", quantity, "node web.js", 256)));
  }

  @Test
  void runsWebDynosUnprivilegedWithTheDynoContract() throws Exception {
    h.api.put(web("contract", 1));
    DynoReport dyno =
        await(LIMIT, "web.1 up", () -> h.routable("contract").stream().findFirst().orElse(null));

    JsonNode facts = new ObjectMapper().readTree(HttpProbe.get(dyno.address(), "/facts"));
    assertThat(facts.get("uid").asInt()).isEqualTo(1000);
    assertThat(facts.get("owner").asInt()).as("slug files belong to the dyno user").isEqualTo(1000);
    assertThat(facts.get("capEff").asText()).isEqualTo("0000000000000000");
    assertThat(facts.get("noNewPrivs").asText()).isEqualTo("1");
    assertThat(facts.get("dockerSock").asBoolean()).isFalse();
    assertThat(facts.get("home").asText()).isEqualTo("/app");
    assertThat(facts.get("cwd").asText()).isEqualTo("/app");
    assertThat(facts.get("dyno").asText()).isEqualTo("web.1");
    assertThat(facts.get("port").asText()).isEqualTo("5000");
    assertThat(facts.get("profile").asText())
        .as(".profile.d ran after the config vars")
        .isEqualTo("sourced-web.1");
    assertThat(facts.get("memory").asText())
        .as("the hard limit: twice the quota (R15)")
        .isEqualTo(Long.toString(2 * 256L * 1024 * 1024));
    assertThat(facts.get("pids").asText()).isEqualTo("256");

    InspectContainerResponse c = h.client().inspectContainerCmd(dyno.containerId()).exec();
    assertThat(c.getHostConfig().getPrivileged()).isFalse();
    assertThat(c.getHostConfig().getInit()).isTrue();
    assertThat(c.getHostConfig().getMemorySwap()).isEqualTo(c.getHostConfig().getMemory());
    assertThat(c.getConfig().getLabels())
        .as("the quota, for R14")
        .containsEntry("hoist.memory", "256");
    assertThat(c.getHostConfig().getBinds()).isNullOrEmpty();
    assertThat(c.getMounts()).isNullOrEmpty();
    assertThat(dyno.releaseVersion()).isEqualTo(1);
    await(
        LIMIT,
        "its output and events",
        () ->
            h.api
                .messages("contract", "web.1")
                .containsAll(List.of("listening on 5000", "State changed from starting to up")));
  }

  @Test
  void scalesUpAndDownStoppingDynosGracefully() throws Exception {
    h.api.put(web("scaling", 1));
    await(LIMIT, "one dyno up", () -> h.routable("scaling").size() == 1);
    h.api.put(web("scaling", 4));
    await(LIMIT, "four dynos up", () -> h.routable("scaling").size() == 4);
    Set<String> answers =
        h.routable("scaling").stream()
            .map(
                d -> {
                  try {
                    return HttpProbe.get(d.address(), "/").trim();
                  } catch (Exception e) {
                    throw new AssertionError(e);
                  }
                })
            .collect(Collectors.toSet());
    assertThat(answers).containsExactlyInAnyOrder("web.1 v1", "web.2 v1", "web.3 v1", "web.4 v1");

    h.api.put(web("scaling", 1));
    await(
        LIMIT,
        "only web.1 left",
        () -> h.api.dynos("scaling").size() == 1 && h.containers("scaling").size() == 1);
    assertThat(h.api.dynos("scaling").get(0).name()).isEqualTo("web.1");
    for (String gone : List.of("web.2", "web.3", "web.4")) {
      await(
          LIMIT,
          gone + " stopped gracefully",
          () ->
              h.api
                  .messages("scaling", gone)
                  .containsAll(
                      List.of(
                          "Stopping all processes with SIGTERM",
                          "got SIGTERM",
                          "Process exited with status 0")));
    }
  }

  @Test
  void bringsBackADynoKilledBehindItsBack() {
    h.api.put(web("killed", 1));
    DynoReport before =
        await(LIMIT, "web.1 up", () -> h.routable("killed").stream().findFirst().orElse(null));
    h.client().killContainerCmd(before.containerId()).exec();
    DynoReport after =
        await(
            LIMIT,
            "web.1 back",
            () ->
                h.routable("killed").stream()
                    .filter(d -> !d.containerId().equals(before.containerId()))
                    .findFirst()
                    .orElse(null));
    assertThat(after.name()).isEqualTo("web.1");
    await(
        LIMIT,
        "the crash logged",
        () ->
            h.api
                .messages("killed", "web.1")
                .containsAll(
                    List.of(
                        "Process exited with status 137",
                        "State changed from up to crashed",
                        "State changed from crashed to starting")));
  }

  @Test
  void stopsEverythingOfAnAppThatIsGone() {
    h.api.put(web("deleted", 2));
    await(LIMIT, "two dynos up", () -> h.routable("deleted").size() == 2);
    h.api.remove("deleted");
    await(LIMIT, "no containers left", () -> h.containers("deleted").isEmpty());
  }
}
