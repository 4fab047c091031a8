package dev.hoist.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
  @Test
  void keepsAnIdOf20To200AllowedCharacters() {
    assertThat(RequestIds.keepOrCreate("a".repeat(20))).isEqualTo("a".repeat(20));
    assertThat(RequestIds.keepOrCreate("Z9+/=-".repeat(33) + "ab")).hasSize(200);
    assertThat(RequestIds.valid("abcdefghij0123456789+/=-ABC")).isTrue();
  }

  @Test
  void replacesAnIdThatIsTooShortTooLongOrHasOtherCharacters() {
    assertThat(RequestIds.valid("a".repeat(19))).isFalse();
    assertThat(RequestIds.valid("a".repeat(201))).isFalse();
    assertThat(RequestIds.valid("abcdefghij_0123456789")).isFalse();
    assertThat(RequestIds.valid("abcdefghij 0123456789")).isFalse();
    assertThat(RequestIds.valid("abcdefghij\"0123456789")).isFalse();
    assertThat(RequestIds.keepOrCreate("short")).isNotEqualTo("short").hasSize(36);
    assertThat(RequestIds.keepOrCreate(null)).hasSize(36);
  }

  @Test
  void createsDistinctVersion4Uuids() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) ids.add(RequestIds.create());

    assertThat(ids)
        .hasSize(1000)
        .allSatisfy(
            id -> {
              assertThat(id)
                  .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
              assertThat(RequestIds.valid(id)).isTrue();
            });
  }
}
