package dev.hoist.internal.builds;

import dev.hoist.internal.Blobs;
import dev.hoist.internal.InternalApi;
import dev.hoist.internal.builds.BuildRecords.Finish;
import dev.hoist.internal.builds.BuildRecords.Finished;
import dev.hoist.internal.builds.BuildRecords.Job;
import dev.hoist.internal.builds.BuildRecords.NewSlug;
import dev.hoist.internal.builds.BuildRecords.SlugCreated;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The api as a slug compiler sees it: claim a build, report its output, hand in the slug, finish.
 */
public class BuilderApi {
  private final InternalApi http;
  private final Blobs blobs;

  public BuilderApi(InternalApi http) {
    this.http = http;
    this.blobs = new Blobs(http);
  }

  public Blobs blobs() {
    return blobs;
  }

  /** Long-polls for a pending build: empty when none came within {@code waitSeconds}. */
  public Optional<Job> claim(int waitSeconds) throws IOException {
    return http.post(
        "/internal/builds/claim?wait=" + waitSeconds,
        null,
        Job.class,
        Duration.ofSeconds(waitSeconds + 15L));
  }

  /** Appends lines to the build's output, in order. */
  public void output(String buildId, List<String> lines) throws IOException {
    if (lines.isEmpty()) return;
    http.postText("/internal/builds/" + buildId + "/output", String.join("\n", lines) + "\n");
  }

  /** An empty output batch: tells the api this builder is alive during a quiet step. */
  public void heartbeat(String buildId) throws IOException {
    http.postText("/internal/builds/" + buildId + "/output", "");
  }

  public SlugCreated slug(String buildId, NewSlug slug) throws IOException {
    return http.post("/internal/builds/" + buildId + "/slug", slug, SlugCreated.class);
  }

  /**
   * Ends the build; on success the api makes the release, after a release phase that may take long.
   */
  public Finished finish(String buildId, Finish finish) throws IOException {
    return http.post(
            "/internal/builds/" + buildId + "/finish",
            finish,
            Finished.class,
            Duration.ofMinutes(70))
        .orElse(new Finished(finish.status(), null));
  }
}
