package dev.hoist.api.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.api.app.DynoOptions.Mount;
import dev.hoist.api.web.ApiException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules on a platform app's dyno options, and their stored form. */
class DynoOptionsTest {
  private static DynoOptions options(boolean hostNetwork, Integer port, Mount... mounts) {
    return new DynoOptions(hostNetwork, port, new ArrayList<>(Arrays.asList(mounts)));
  }

  private static String refusal(DynoOptions options) {
    Throwable thrown = null;
    try {
      DynoOptions.checked(options);
    } catch (ApiException e) {
      assertThat(e.status().value()).isEqualTo(422);
      assertThat(e.id()).isEqualTo("invalid_params");
      thrown = e;
    }
    assertThat(thrown).as("%s should be refused", options).isNotNull();
    return thrown.getMessage();
  }

  @Test
  void acceptsTheRoutersOptions() {
    DynoOptions router =
        options(
            true,
            8080,
            new Mount("/var/lib/hoist/routes", "/routes", false),
            new Mount("/var/lib/hoist/blobs", "/blobs", true));

    assertThat(DynoOptions.checked(router)).isEqualTo(router);
  }

  @Test
  void noOptionsAreNone() {
    assertThat(DynoOptions.checked(null)).isNull();
    assertThat(DynoOptions.checked(options(false, null)).mounts()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536, 100000})
  void refusesAPortOutOfRange(int port) {
    assertThat(refusal(options(true, port))).contains("port").contains("1 to 65535");
  }

  @Test
  void refusesAFixedPortWithoutTheHostNetwork() {
    assertThat(refusal(options(false, 8080))).contains("host_network");
  }

  @ParameterizedTest
  @ValueSource(strings = {"relative/dir", "./here", "", "/srv/../etc", "/srv/..", "../up"})
  void refusesASourceThatIsNotAPlainAbsolutePath(String source) {
    assertThat(refusal(options(true, null, new Mount(source, "/data", false))))
        .contains("mounts[0].source");
  }

  @ParameterizedTest
  @ValueSource(strings = {"data", "/data/../../etc", "/a/\n/b"})
  void refusesATargetThatIsNotAPlainAbsolutePath(String target) {
    assertThat(
            refusal(
                options(
                    true, null, new Mount("/ok", "/ok", false), new Mount("/s", target, false))))
        .contains("mounts[1].target");
  }

  @Test
  void refusesAMissingPathANullMountAndTwoMountsAtOneTarget() {
    assertThat(refusal(options(true, null, new Mount(null, "/data", false)))).contains("required");
    assertThat(refusal(options(true, null, (Mount) null))).contains("mounts[0] is null");
    assertThat(
            refusal(
                options(
                    true, null, new Mount("/a", "/data", false), new Mount("/b", "/data", true))))
        .contains("mounted twice");
  }

  @Test
  void allowsEightMountsButNotNine() {
    Mount[] eight =
        IntStream.range(0, 8)
            .mapToObj(i -> new Mount("/s" + i, "/t" + i, true))
            .toArray(Mount[]::new);
    Mount[] nine =
        IntStream.range(0, 9)
            .mapToObj(i -> new Mount("/s" + i, "/t" + i, true))
            .toArray(Mount[]::new);

    assertThat(DynoOptions.checked(options(true, null, eight)).mounts()).hasSize(8);
    assertThat(refusal(options(true, null, nine))).contains("at most 8");
  }

  @Test
  void readsBackWhatItStoredInTheWiresShape() {
    DynoOptions gateway = options(true, 2222, new Mount("/var/lib/hoist/git", "/git", false));

    Map<String, Object> stored = DynoOptions.stored(gateway);

    assertThat(stored).containsOnlyKeys("host_network", "port", "mounts");
    assertThat(DynoOptions.fromStored(stored)).isEqualTo(gateway);
    assertThat(DynoOptions.stored(null)).isNull();
    assertThat(DynoOptions.fromStored(null)).isNull();
  }

  @Test
  void readsStoredOptionsWithFieldsANewerApiAdded() {
    Map<String, Object> newer =
        Map.of(
            "host_network",
            true,
            "port",
            5000,
            "mounts",
            List.of(Map.of("source", "/a", "target", "/b", "read_only", true, "propagation", "x")),
            "cpu_shares",
            512);

    assertThat(DynoOptions.fromStored(newer))
        .isEqualTo(options(true, 5000, new Mount("/a", "/b", true)));
  }
}
