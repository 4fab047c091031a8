package dev.hoist.dynos;

import static dev.hoist.dynos.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.internal.dynos.DynoReport;
import dev.hoist.internal.logs.LogLine;
import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.state.DesiredState.Slug;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dynos that fail: crash restarts with backoff, the boot timeout (R10), the memory kill (R15), a
 * bad slug (R17).
 */
class CrashIT {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static Harness h;
  private static Slug slug;

  @BeforeAll
  static void start() throws Exception {
    h = new Harness(Map.of("boot-timeout", "2s", "backoff-initial", "1s"));
    slug = h.slug(TestSlugs.web(), Map.of("web", "node web.js"));
  }

  @AfterAll
  static void stop() {
    if (h != null) h.close();
  }

  private static AppState app(String name, String type, String command, int memoryMb) {
    return Harness.app(
        name, 1, slug, Map.of(), List.of(Harness.process(type, 1, command, memoryMb)));
  }

  @Test
  void restartsACrashedDynoAtOnceThenWithGrowingBackoff() {
    h.api.put(app("crashing", "worker", "echo boom; exit 3", 128));
    await(
        LIMIT,
        "three restarts",
        () -> lines("crashing", "State changed from crashed to starting").size() >= 3);
    await(
        LIMIT,
        "three crashes before them",
        () -> lines("crashing", "Process exited with status 3").size() >= 3);
    List<LogLine> crashes = lines("crashing", "Process exited with status 3");
    List<LogLine> restarts = lines("crashing", "State changed from crashed to starting");
    assertThat(waited(crashes, restarts, 0)).as("the first crash restarts at once").isLessThan(500);
    // a line's time is taken when it is logged, a few ms after the crash was counted: hence the
    // slack below
    long second = waited(crashes, restarts, 1);
    long third = waited(crashes, restarts, 2);
    assertThat(second).as("then after backoff-initial").isBetween(900L, 1600L);
    assertThat(third).as("then after twice that").isBetween(1900L, 2700L);
    assertThat(third - second).as("the delay doubled").isGreaterThan(600L);
    await(LIMIT, "its output", () -> h.api.messages("crashing", "worker.1").contains("boom"));
    assertThat(
            h.api.reports.stream()
                .filter(r -> r.getKey().equals("crashing"))
                .flatMap(r -> r.getValue().stream()))
        .anyMatch(d -> d.state().equals("crashed") && Integer.valueOf(3).equals(d.exitCode()));
  }

  @Test
  void killsAWebDynoThatDoesNotBindItsPortInTime() {
    h.api.put(app("sleepy", "web", "sleep 600", 128));
    await(
        LIMIT,
        "R10",
        () ->
            h.api
                .messages("sleepy", "web.1")
                .contains(
                    "Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 2 seconds of launch"));
    DynoReport crashed =
        await(
            LIMIT,
            "crashed report",
            () ->
                h.api.reports.stream()
                    .filter(r -> r.getKey().equals("sleepy"))
                    .flatMap(r -> r.getValue().stream())
                    .filter(d -> d.state().equals("crashed"))
                    .findFirst()
                    .orElse(null));
    assertThat(crashed.exitCode()).isEqualTo(137);
    await(
        LIMIT,
        "crash logged",
        () -> h.api.messages("sleepy", "web.1").contains("State changed from starting to crashed"));
  }

  @Test
  void restartsADynoKilledForUsingTooMuchMemory() {
    String hog = "python3 -c \"a = []\nwhile True: a.append(' ' * 1000000)\"";
    h.api.put(app("hungry", "worker", hog, 48));
    await(
        LIMIT,
        "R15 and a restart",
        () ->
            h.api
                    .messages("hungry", "worker.1")
                    .contains("Error R15 (Memory quota vastly exceeded)")
                && lines("hungry", "Starting process").size() >= 2);
    await(
        LIMIT,
        "the kill",
        () -> h.api.messages("hungry", "worker.1").contains("Process exited with status 137"));
  }

  @Test
  void refusesASlugWhoseChecksumDoesNotMatch() {
    Slug bad =
        new Slug(
            "bad-" + slug.id(),
            slug.processTypes(),
            "SHA256:" + "0".repeat(64),
            h.api.blobUrl("bad-" + slug.id(), TestSlugs.web()));
    h.api.put(
        Harness.app(
            "corrupt", 1, bad, Map.of(), List.of(Harness.process("web", 1, "node web.js", 128))));
    await(
        LIMIT,
        "R17",
        () ->
            h.api.messages("corrupt", "web.1").stream()
                .anyMatch(
                    m ->
                        m.startsWith(
                            "Error R17 (Checksum error) -> Checksum does not match expected value. Expected: SHA256:000")));
    await(
        LIMIT,
        "crashed without a container",
        () ->
            h.api.dynos("corrupt").stream()
                .anyMatch(d -> d.state().equals("crashed") && d.containerId() == null));
    assertThat(h.containers("corrupt")).isEmpty();
  }

  private static List<LogLine> lines(String app, String message) {
    return h.api.logs.stream()
        .filter(l -> l.app().equals(app) && l.message().startsWith(message))
        .toList();
  }

  private static long waited(List<LogLine> crashes, List<LogLine> restarts, int i) {
    return Duration.between(crashes.get(i).time(), restarts.get(i).time()).toMillis();
  }
}
