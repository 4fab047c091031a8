package dev.hoist.build.gateway.receive;

import dev.hoist.internal.builds.BuildRecords.Build;
import dev.hoist.internal.builds.GatewayApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a build to its end: every line of its output stream goes to the pusher as it arrives,
 * then the build is read for its status. The stream ends when the build ends; if it breaks early
 * (the api restarted, a proxy timed out) it is opened again and the lines already shown are
 * skipped, since the stream always starts from the build's first line.
 */
public final class BuildFollower {
  private static final Logger log = LoggerFactory.getLogger(BuildFollower.class);
  private static final Duration RETRY = Duration.ofMillis(500);
  private static final Duration PATIENCE = Duration.ofSeconds(5);
  private static final int MAX_LINE_CHARS = 10_000;

  private final GatewayApi api;
  private final Duration maxWait;

  public BuildFollower(GatewayApi api, Duration maxWait) {
    this.api = api;
    this.maxWait = maxWait;
  }

  /** The build once finished; throws if it is still running after the wait limit. */
  public Build follow(String app, Build started, Progress progress)
      throws IOException, InterruptedException {
    Instant since = Instant.now();
    Instant deadline = since.plus(maxWait);
    Build build = started;
    long shown = 0;
    boolean saidWaiting = false;
    while (true) {
      try (InputStream in = api.output(build);
          BufferedReader lines =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        long seen = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (++seen <= shown) continue;
          progress.line(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) : line);
          shown = seen;
        }
      } catch (IOException e) {
        log.warn(
            "output stream of build {} broke after {} lines: {}", build.id(), shown, e.toString());
      }
      Build now = api.build(app, build.id());
      if (now.finished()) return now;
      if (Instant.now().isAfter(deadline)) {
        throw new IOException(
            "build " + build.id() + " still " + now.status() + " after " + maxWait);
      }
      // A build is pending for a moment on every push; only a wait that lasts is worth a line.
      if ("pending".equals(now.status())
          && !saidWaiting
          && Instant.now().isAfter(since.plus(PATIENCE))) {
        progress.line("       Waiting for a free builder...");
        saidWaiting = true;
      }
      // The stream ended but the build has not: the api is between states, or the stream broke. The
      // fresh build carries a freshly signed output URL, in case the old one expired.
      build = now.outputStreamUrl() == null ? build : now;
      Thread.sleep(RETRY.toMillis());
    }
  }
}
