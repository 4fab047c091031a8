package dev.hoist.api.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoist.api.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostnamesTest {
  @Test
  void storesLowerCaseWithoutTheTrailingDot() {
    assertThat(Hostnames.normalize("WWW.Example.COM.")).isEqualTo("www.example.com");
    assertThat(Hostnames.normalize("*.Example.com")).isEqualTo("*.example.com");
    assertThat(Hostnames.normalize("xn--bcher-kva.example")).isEqualTo("xn--bcher-kva.example");
    assertThat(Hostnames.normalize("123.example.com")).isEqualTo("123.example.com");
  }

  @Test
  void acceptsTheLongestLabelAndTheLongestName() {
    String label = "a".repeat(63);
    String longest = String.join(".", label, label, label, "b".repeat(61));

    assertThat(Hostnames.normalize(label + ".example.com")).isEqualTo(label + ".example.com");
    assertThat(longest).hasSize(253);
    assertThat(Hostnames.normalize(longest + ".")).isEqualTo(longest);
    assertThatThrownBy(() -> Hostnames.normalize("c" + longest)).hasMessageContaining("253");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "example",
        "exa_mple.com",
        "-www.example.com",
        "www-.example.com",
        "www..example.com",
        "1.2.3.4",
        "[::1]",
        "2001:db8::1",
        "example.com:443",
        "https://example.com",
        "example.123",
        "*",
        "*.com",
        "*.*.example.com",
        "www.*.example.com",
        "*www.example.com",
        "bücher.example"
      })
  void refusesWhatIsNoHostnameAsInvalidParams(String input) {
    assertThatThrownBy(() -> Hostnames.normalize(input))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(422);
              assertThat(e.id()).isEqualTo("invalid_params");
            });
  }

  @Test
  void theAppsDomainAndEverythingUnderItAreThePlatforms() {
    assertThat(Hostnames.underAppsDomain("apps.example.org", "apps.example.org")).isTrue();
    assertThat(Hostnames.underAppsDomain("demo.apps.example.org", "Apps.Example.org.")).isTrue();
    assertThat(Hostnames.underAppsDomain("*.apps.example.org", "apps.example.org")).isTrue();
    assertThat(Hostnames.underAppsDomain("*.x.apps.example.org", "apps.example.org")).isTrue();
    assertThat(Hostnames.underAppsDomain("myapps.example.org", "apps.example.org")).isFalse();
    assertThat(Hostnames.underAppsDomain("*.example.org", "apps.example.org")).isFalse();
    assertThat(Hostnames.underAppsDomain("www.example.com", "localhost")).isFalse();
  }

  @Test
  void aLookupIsForgivingAndRefusesNothing() {
    assertThat(Hostnames.lookup("WWW.Example.com.")).isEqualTo("www.example.com");
    assertThat(Hostnames.lookup("not a host")).isEqualTo("not a host");
  }
}
