package dev.hoist.api.build;

import dev.hoist.api.ApiSettings;
import dev.hoist.api.app.App;
import dev.hoist.api.app.AppRepository;
import dev.hoist.api.auth.Caller;
import dev.hoist.api.blob.BlobSigner;
import dev.hoist.api.log.LogStore;
import dev.hoist.api.release.Release;
import dev.hoist.api.release.ReleaseService;
import dev.hoist.api.slug.Slug;
import dev.hoist.api.slug.SlugService;
import dev.hoist.api.web.ApiException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Builds from queue to release. The api never runs a build: it queues it, hands it to a claiming
 * builder, relays its output, takes its slug and makes the release. A failed build touches nothing
 * that runs.
 */
@Service
public class BuildService {
  private static final Logger log = LoggerFactory.getLogger(BuildService.class);
  static final Duration SILENCE = Duration.ofSeconds(120);
  static final Duration UNSTARTED = Duration.ofSeconds(30);
  static final int TIMEOUT_SECONDS = 900;

  private final BuildRepository builds;
  private final BuildQueue queue;
  private final BuildOutput output;
  private final AppRepository apps;
  private final SlugService slugs;
  private final ReleaseService releases;
  private final Buildpacks buildpacks;
  private final BlobSigner signer;
  private final LogStore logs;
  private final ApiSettings settings;

  BuildService(
      BuildRepository builds,
      BuildQueue queue,
      BuildOutput output,
      AppRepository apps,
      SlugService slugs,
      ReleaseService releases,
      Buildpacks buildpacks,
      BlobSigner signer,
      LogStore logs,
      ApiSettings settings) {
    this.builds = builds;
    this.queue = queue;
    this.output = output;
    this.apps = apps;
    this.slugs = slugs;
    this.releases = releases;
    this.buildpacks = buildpacks;
    this.signer = signer;
    this.logs = logs;
    this.settings = settings;
  }

  @Transactional
  public Build create(
      App app,
      String sourceUrl,
      String version,
      String description,
      List<String> buildpackUrls,
      UUID userId) {
    if (sourceUrl == null || !sourceUrl.matches("^https?://\\S{1,2000}$")) {
      throw ApiException.invalid(
          "source_blob.url must be an http(s) URL of a tar.gz of the source");
    }
    if (version != null && version.length() > 200)
      throw ApiException.invalid("source_blob.version is too long");
    List<String> packs =
        buildpackUrls == null ? buildpacks.of(app) : Buildpacks.check(buildpackUrls);
    Build build = builds.save(new Build(app.id(), sourceUrl, version, description, packs, userId));
    output.start(build.id());
    queue.queued();
    logs.platform(app.id(), "api", "Build started" + (version == null ? "" : " for " + version));
    return build;
  }

  @Transactional(readOnly = true)
  public Build get(App app, String id) {
    return dev.hoist.api.auth.AccountService.asUuid(id)
        .flatMap(u -> builds.findByIdAndAppId(u, app.id()))
        .orElseThrow(
            () -> ApiException.notFound("build " + id + " does not exist in " + app.name()));
  }

  @Transactional(readOnly = true)
  public List<Build> all(App app) {
    return builds.findByAppIdOrderByCreatedAt(app.id());
  }

  /**
   * The job a builder runs: everything it needs, as signed URLs and values, and nothing of other
   * apps.
   */
  public record Job(
      UUID id,
      Map<String, Object> app,
      String sourceUrl,
      String version,
      String cacheGetUrl,
      String cachePutUrl,
      Map<String, String> env,
      List<String> buildpacks,
      String stack,
      int timeoutSeconds,
      long maxSlugBytes) {}

  @Transactional
  public Optional<Job> claim(long waitMillis) throws InterruptedException {
    Optional<UUID> id = queue.claim(waitMillis);
    if (id.isEmpty()) return Optional.empty();
    Build b = builds.findById(id.get()).orElseThrow();
    App app = apps.findById(b.appId()).orElseThrow();
    output.start(b.id());
    String cache = "caches/" + app.id() + ".tgz";
    return Optional.of(
        new Job(
            b.id(),
            Map.of("id", app.id(), "name", app.name()),
            b.sourceUrl(),
            b.sourceVersion(),
            signer.url("GET", cache),
            signer.url("PUT", cache),
            app.config(),
            b.buildpacks(),
            settings.stack(),
            TIMEOUT_SECONDS,
            settings.maxSlugBytes()));
  }

  @Transactional
  public void output(UUID buildId, List<String> lines) {
    Build b = building(buildId);
    b.seen();
    output.append(b.id(), lines);
  }

  @Transactional
  public Slug slug(UUID buildId, Map<String, String> processTypes, String checksum) {
    Build b = building(buildId);
    App app = apps.findById(b.appId()).orElseThrow();
    Slug slug = slugs.create(app, processTypes, checksum, b.sourceVersion(), b.sourceDescription());
    b.slug(slug.id());
    return slug;
  }

  /** Ends a build. On success the slug (uploaded by now) becomes a release, which deploys it. */
  @Transactional
  public Build finish(UUID buildId, boolean succeeded, String slugId, String message) {
    Build b = building(buildId);
    App app = apps.findById(b.appId()).orElseThrow();
    if (!succeeded) {
      b.finish(Build.FAILED, null, message == null ? "build failed" : message);
      logs.platform(app.id(), "api", "Build failed" + (message == null ? "" : ": " + message));
    } else {
      if (slugId == null || b.slugId() == null || !b.slugId().toString().equals(slugId)) {
        throw ApiException.invalid(
            "finish names slug " + slugId + ", not this build's slug " + b.slugId());
      }
      Caller user = new Caller(b.userId(), null, false);
      Release release = releases.deploy(app, slugId, null, user);
      if (Release.PENDING.equals(release.status())) {
        // The build's output stays open: the release phase's output follows, then its verdict.
        b.awaitReleasePhase(release.id());
        output.append(b.id(), List.of("-----> Running release command...", ""));
        return b;
      }
      b.finish(Build.SUCCEEDED, release.id(), null);
    }
    endOutputAfterCommit(b.id());
    return b;
  }

  /** The release phase of a build's release ended: the build ends with it. */
  @org.springframework.context.event.EventListener
  public void releasePhaseEnded(dev.hoist.api.release.ReleasePhase.Ended ended) {
    builds
        .findByReleaseIdAndStatus(ended.releaseId(), Build.BUILDING)
        .ifPresent(
            b -> {
              if (ended.succeeded()) {
                output.append(b.id(), List.of("-----> Release phase succeeded"));
                b.finish(Build.SUCCEEDED, ended.releaseId(), null);
              } else {
                output.append(
                    b.id(),
                    List.of(
                        " !     Release phase failed with status "
                            + ended.exitStatus()
                            + ": v"
                            + ended.version()
                            + " was not deployed; the running release is untouched"));
                b.finish(Build.FAILED, ended.releaseId(), "release phase failed");
              }
              endOutputAfterCommit(b.id());
            });
  }

  /** A line of a release phase's output, shown to the pusher as part of the build output. */
  @Transactional
  public void releasePhaseOutput(UUID appId, String dyno, String message) {
    if (!dyno.matches("^release\\.\\d{1,9}$")) return;
    int version = Integer.parseInt(dyno.substring("release.".length()));
    builds
        .findPhaseBuild(appId, version)
        .ifPresent(
            b -> {
              b.seen();
              output.append(b.id(), List.of("       " + message));
            });
  }

  private Build building(UUID buildId) {
    Build b =
        builds
            .findById(buildId)
            .orElseThrow(() -> ApiException.notFound("build " + buildId + " does not exist"));
    if (!Build.BUILDING.equals(b.status())) {
      throw ApiException.conflict("build " + buildId + " is " + b.status() + ", not building");
    }
    return b;
  }

  private void endOutputAfterCommit(UUID buildId) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            try {
              output.finish(buildId);
            } catch (IOException e) {
              log.warn("could not store the output of build {}: {}", buildId, e.toString());
            }
          }
        });
  }

  /**
   * A claim whose answer never reached its builder (the builder's request timed out as the api
   * answered) would strand the build: a claimed build with no word from its claimer goes back to
   * the queue.
   */
  @Scheduled(fixedDelay = 5_000)
  @Transactional
  public void requeueUnstartedBuilds() {
    List<Build> stranded = builds.unstartedSince(Instant.now().minus(UNSTARTED));
    for (Build b : stranded) {
      log.warn("build {} was claimed but never started; queuing it again", b.id());
      b.requeue();
    }
    if (!stranded.isEmpty()) queue.queued();
  }

  /**
   * A builder that went quiet (crashed, killed, cut off) fails its build, so the pusher hears of
   * it.
   */
  @Scheduled(fixedDelay = 10_000)
  @Transactional
  public void failSilentBuilds() {
    for (Build b : builds.silentSince(Instant.now().minus(SILENCE))) {
      output.append(
          b.id(), List.of(" !     Build failed: the builder stopped answering (builder lost)"));
      b.finish(Build.FAILED, null, "builder lost");
      endOutputAfterCommit(b.id());
    }
  }
}
