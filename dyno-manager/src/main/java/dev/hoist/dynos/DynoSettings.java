package dev.hoist.dynos;

import dev.hoist.internal.Durations;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Settings under {@code hoist.dynos.*}. {@link #from} reads them through any lookup (Spring's
 * {@code Environment::getProperty}, system properties, a map in tests); the defaults are written
 * here and in docs/dynos.md.
 *
 * @param apiUrl the api's base URL ({@code HOIST_API_URL}, default {@code http://127.0.0.1:5000})
 * @param componentToken the component token ({@code HOIST_COMPONENT_TOKEN}; {@link DynoManagerMain}
 *     falls back to {@code component_token} in {@code $HOIST_HOME/secrets.properties})
 * @param home the platform's data folder ({@code HOIST_HOME}, default {@code ~/.hoist}); the dyno
 *     manager keeps its pins ({@code dynos/pins.json}) and platform slug copies ({@code
 *     dynos/slugs/}) there
 * @param checkpoint the checkpoint file (default {@code $home/dynos/checkpoint.json})
 * @param runImage the stack image dynos run on ({@code HOIST_RUN_IMAGE}, default {@code
 *     hoist/stack-run:current})
 * @param scope label value that marks this manager's containers and images; two managers with
 *     different scopes never touch each other's dynos (default {@code hoist})
 * @param port the {@code $PORT} given to web and one-off dynos (each dyno has its own IP; default
 *     5000)
 * @param network the Docker network dynos join; their address is their IP on it (default {@code
 *     bridge})
 * @param attachPort the TCP port of the attach server for one-off dynos (default 5001; 0 picks a
 *     free one)
 * @param attachBind the address the attach server binds (default {@code 0.0.0.0})
 * @param bootTimeout how long a web dyno has to accept connections on $PORT before R10 (default 60
 *     s)
 * @param bootPoll the interval between two connection attempts while a web dyno boots (default 20
 *     ms)
 * @param stopGrace SIGTERM to SIGKILL when stopping a dyno (default 30 s)
 * @param drainDelay how long a web dyno stays out of the routes, after the api has accepted that
 *     report, before it gets SIGTERM (default 1 s)
 * @param backoffInitial the delay before the second restart of a crashing dyno; doubles after
 *     (default 5 s)
 * @param backoffMax the longest delay between restarts (default 5 min)
 * @param backoffReset a dyno that crashes after running this long restarts at once again (default
 *     10 min)
 * @param tick the periodic reconcile pass, on top of state answers and Docker events (default 3 s)
 * @param stateWait the {@code wait} of the desired-state long poll (default 30 s)
 * @param attachTimeout how long an attached one-off waits for its client (default 60 s)
 * @param imageGcAfter how long a prepared slug image stays once no release or dyno uses it (default
 *     10 min)
 * @param memoryInterval how often every running dyno's memory is sampled for R14 (default 20 s, as
 *     Heroku checks); at least 1 s: each pass asks the engine for every dyno's stats
 * @param logMaxBytes the json-file log size per container before Docker rotates it (default 10 MB)
 */
public record DynoSettings(
    URI apiUrl,
    String componentToken,
    Path home,
    Path checkpoint,
    String runImage,
    String scope,
    int port,
    String network,
    int attachPort,
    String attachBind,
    Duration bootTimeout,
    Duration bootPoll,
    Duration stopGrace,
    Duration drainDelay,
    Duration backoffInitial,
    Duration backoffMax,
    Duration backoffReset,
    Duration tick,
    Duration stateWait,
    Duration attachTimeout,
    Duration imageGcAfter,
    Duration memoryInterval,
    long logMaxBytes) {

  public static final String PREFIX = "hoist.dynos.";

  /**
   * Reads every setting as {@code hoist.dynos.NAME} through {@code lookup}; absent or blank means
   * the default.
   */
  public static DynoSettings from(UnaryOperator<String> lookup) {
    Reader r = new Reader(lookup);
    Path home = Path.of(r.string("home", System.getProperty("user.home") + "/.hoist"));
    return new DynoSettings(
        URI.create(r.string("api-url", "http://127.0.0.1:5000").replaceAll("/+$", "")),
        r.string("component-token", ""),
        home,
        Path.of(r.string("checkpoint", home.resolve("dynos/checkpoint.json").toString())),
        r.string("run-image", "hoist/stack-run:current"),
        r.string("scope", "hoist"),
        r.integer("port", 5000),
        r.string("network", "bridge"),
        r.integer("attach-port", 5001),
        r.string("attach-bind", "0.0.0.0"),
        r.duration("boot-timeout", "60s"),
        r.duration("boot-poll", "20ms"),
        r.duration("stop-grace", "30s"),
        r.duration("drain-delay", "1s"),
        r.duration("backoff-initial", "5s"),
        r.duration("backoff-max", "5m"),
        r.duration("backoff-reset", "10m"),
        r.duration("tick", "3s"),
        r.duration("state-wait", "30s"),
        r.duration("attach-timeout", "60s"),
        r.duration("image-gc-after", "10m"),
        r.atLeast("memory-interval", "20s", Duration.ofSeconds(1)),
        r.integer("log-max-bytes", 10 * 1024 * 1024));
  }

  /** The folder of the dyno manager's own files: pins and platform slug copies. */
  public Path dynosHome() {
    return home.resolve("dynos");
  }

  private record Reader(UnaryOperator<String> lookup) {
    String string(String name, String fallback) {
      String v = lookup.apply(PREFIX + name);
      return v == null || v.isBlank() ? fallback : v.trim();
    }

    int integer(String name, int fallback) {
      String v = string(name, Integer.toString(fallback));
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            PREFIX + name + " must be a whole number, not '" + v + "'");
      }
    }

    Duration duration(String name, String fallback) {
      return Durations.parse(PREFIX + name, string(name, fallback));
    }

    /** A duration that a timer repeats at: too short would keep the engine busy answering it. */
    Duration atLeast(String name, String fallback, Duration min) {
      Duration d = duration(name, fallback);
      if (d.compareTo(min) < 0) {
        throw new IllegalArgumentException(
            PREFIX + name + " must be at least " + min.toSeconds() + "s, such as " + fallback);
      }
      return d;
    }
  }
}
