package dev.hoist.api.app;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Heroku-style generated names, such as {@code quiet-river-4821}, for apps created without one. */
final class AppNames {
  private static final List<String> ADJECTIVES =
      List.of(
          "quiet", "brave", "sharp", "calm", "bright", "swift", "gentle", "bold", "lucky", "young",
          "polar", "stark", "fierce", "mellow", "noble", "rapid");
  private static final List<String> NOUNS =
      List.of(
          "river", "rain", "forest", "harbor", "meadow", "summit", "canyon", "island", "ocean",
          "ridge", "falls", "reef", "glade", "dune", "peak", "brook");

  private AppNames() {}

  static String generate() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return ADJECTIVES.get(r.nextInt(ADJECTIVES.size()))
        + "-"
        + NOUNS.get(r.nextInt(NOUNS.size()))
        + "-"
        + (1000 + r.nextInt(9000));
  }
}
