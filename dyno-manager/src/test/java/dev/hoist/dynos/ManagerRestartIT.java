package dev.hoist.dynos;

import static dev.hoist.dynos.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

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
 * The dyno manager keeps no state that matters: a new one adopts the running dynos, and one slug
 * makes one image.
 */
class ManagerRestartIT {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static Harness h;

  @BeforeAll
  static void start() throws Exception {
    h = new Harness(Map.of("image-gc-after", "1s"));
  }

  @AfterAll
  static void stop() {
    if (h != null) h.close();
  }

  private static AppState app(String name, int version, Slug slug, int web) {
    return Harness.app(
        name,
        version,
        slug,
        Map.of("TAG", "v" + version),
        List.of(Harness.process("web", web, "node web.js", 128)));
  }

  @Test
  void adoptsRunningDynosInsteadOfRestartingThem() throws Exception {
    Slug slug = h.slug(TestSlugs.web(), Map.of("web", "node web.js"));
    h.api.put(app("adopted", 1, slug, 2));
    await(LIMIT, "two up", () -> h.routable("adopted").size() == 2);
    Set<String> before =
        h.routable("adopted").stream().map(DynoReport::containerId).collect(Collectors.toSet());
    int logged = h.api.logs.size();

    h.restartManager();
    h.api.put(
        app(
            "adopted", 1, slug,
            3)); // a change, so that a fresh report must come from the new manager
    await(LIMIT, "three up", () -> h.routable("adopted").size() == 3);
    Set<String> after =
        h.routable("adopted").stream().map(DynoReport::containerId).collect(Collectors.toSet());
    assertThat(after).containsAll(before);
    assertThat(h.api.logs.subList(logged, h.api.logs.size()))
        .filteredOn(l -> l.message().startsWith("Starting process"))
        .hasSize(1);
  }

  @Test
  void replacesARunningDynoMadeFromAnotherSpecInsteadOfAdoptingIt() throws Exception {
    // Same app, dyno and release, another environment: what a manager given another api URL finds.
    Slug slug = h.slug(TestSlugs.web(), Map.of("web", "node web.js"));
    h.api.put(app("respec", 1, slug, 1));
    await(LIMIT, "one up", () -> h.routable("respec").size() == 1);
    String old = h.routable("respec").get(0).containerId();

    h.restartManager();
    h.api.put(
        Harness.app(
            "respec",
            1,
            slug,
            Map.of("TAG", "other"),
            List.of(Harness.process("web", 1, "node web.js", 128))));
    await(
        LIMIT,
        "a new web.1 up",
        () ->
            h.routable("respec").size() == 1
                && !h.routable("respec").get(0).containerId().equals(old));
    String fresh = h.routable("respec").get(0).containerId();
    assertThat(List.of(h.client().inspectContainerCmd(fresh).exec().getConfig().getEnv()))
        .contains("TAG=other");
    await(
        LIMIT,
        "the old one gone",
        () ->
            h.client()
                .listContainersCmd()
                .withShowAll(true)
                .withIdFilter(List.of(old))
                .exec()
                .isEmpty());
  }

  @Test
  void preparesOneImagePerSlugAndRemovesItOnceUnused() {
    Slug first = h.slug(TestSlugs.web(), Map.of("web", "node web.js"));
    h.api.put(app("images", 1, first, 3));
    await(LIMIT, "three up", () -> h.routable("images").size() == 3);
    assertThat(images(first)).isEqualTo(1);

    Slug second =
        h.slug(
            TestSlugs.tarGz(Map.of("web.js", TestSlugs.WEB_JS, "v2", "")),
            Map.of("web", "node web.js"));
    h.api.put(app("images", 2, second, 1));
    await(
        LIMIT,
        "v2 alone",
        () ->
            h.api.dynos("images").size() == 1
                && h.routable("images").size() == 1
                && h.routable("images").get(0).releaseVersion() == 2);
    await(LIMIT, "the first slug's image removed", () -> images(first) == 0);
    assertThat(images(second)).isEqualTo(1);
  }

  private static int images(Slug slug) {
    return h.client()
        .listImagesCmd()
        .withLabelFilter(Map.of("hoist.scope", h.scope, "hoist.slug", slug.id()))
        .exec()
        .size();
  }
}
