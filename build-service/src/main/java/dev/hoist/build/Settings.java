package dev.hoist.build;

import dev.hoist.internal.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the build service reads its settings: a system property ({@code hoist.ssh.port}) first, so
 * the all-in-one launcher can set them in-process, then the environment variable of the same name
 * ({@code HOIST_SSH_PORT}: upper case, dots and dashes as underscores), then the default. A value
 * that does not parse stops startup with a message naming the setting, never a stack of guesses.
 */
public final class Settings {
  private final Function<String, String> properties;
  private final Function<String, String> environment;

  public Settings(Function<String, String> properties, Function<String, String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  /** Settings from this JVM's system properties and environment. */
  public static Settings system() {
    return new Settings(System::getProperty, System::getenv);
  }

  /** Settings from a map only (tests, embedding): keys are the dotted names. */
  public static Settings of(Map<String, String> values) {
    return new Settings(values::get, name -> null);
  }

  /** {@code hoist.ssh.max-push-mb} → {@code HOIST_SSH_MAX_PUSH_MB}. */
  static String environmentName(String key) {
    return key.toUpperCase().replace('.', '_').replace('-', '_');
  }

  public String string(String key, String fallback) {
    String value = properties.apply(key);
    if (value == null || value.isBlank()) value = environment.apply(environmentName(key));
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /** An environment variable by its own name, for the few settings that have a historical alias. */
  public String env(String name) {
    return environment.apply(name);
  }

  public int integer(String key, int fallback) {
    return (int) number(key, fallback);
  }

  public long number(String key, long fallback) {
    String value = string(key, null);
    if (value == null) return fallback;
    try {
      long n = Long.parseLong(value);
      if (n < 0) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key
              + " ("
              + environmentName(key)
              + ") must be a whole number "
              + "of 0 or more, not '"
              + value
              + "'");
    }
  }

  /**
   * A duration in the one grammar of duration settings ({@link Durations}: {@code 500ms}, {@code
   * 30s}, {@code 5m}, {@code 1h}; a bare number is seconds, so {@code *-seconds} settings read as
   * they always did).
   */
  public Duration duration(String key, Duration fallback) {
    String value = string(key, null);
    return value == null
        ? fallback
        : Durations.parse(key + " (" + environmentName(key) + ")", value);
  }

  public Path path(String key, Path fallback) {
    String value = string(key, null);
    return (value == null ? fallback : Path.of(value)).toAbsolutePath().normalize();
  }

  /**
   * {@code HOIST_HOME}, default {@code ~/.hoist}: where the gateway keeps its host key and repos.
   */
  public Path home() {
    return path("hoist.home", Path.of(System.getProperty("user.home"), ".hoist"));
  }

  /** The api's base URL ({@code HOIST_API_URL}). */
  public String apiUrl() {
    return string("hoist.api.url", "http://127.0.0.1:5000");
  }

  /** The component token ({@code HOIST_COMPONENT_TOKEN}); a secret, so it is never logged. */
  public String componentToken() {
    return string("hoist.component.token", "");
  }
}
