package dev.hoist.api.state;

import dev.hoist.api.app.App;
import dev.hoist.api.app.AppRepository;
import dev.hoist.api.app.DynoOptions;
import dev.hoist.api.blob.BlobSigner;
import dev.hoist.api.dyno.DynoCommands;
import dev.hoist.api.dyno.OneOffDyno;
import dev.hoist.api.formation.DynoSize;
import dev.hoist.api.formation.Formation;
import dev.hoist.api.formation.FormationRepository;
import dev.hoist.api.release.CurrentRelease;
import dev.hoist.api.release.Release;
import dev.hoist.api.slug.Slug;
import dev.hoist.api.slug.SlugRepository;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/state}: the desired state of every app, for the dyno manager and the router.
 * With {@code since}, it long-polls: it answers as soon as the revision passes {@code since}, or
 * after {@code wait} seconds with the unchanged state. Watchers act on the whole state each time
 * (level- triggered), so a missed answer costs nothing but latency.
 */
@RestController
class StateInternalController {
  static final long COALESCE_MILLIS = 25;

  private final StateRevision revision;
  private final AppRepository apps;
  private final CurrentRelease current;
  private final SlugRepository slugs;
  private final FormationRepository formations;
  private final BlobSigner signer;
  private final DynoCommands commands;
  private final dev.hoist.api.release.ReleaseRepository releases;
  private final TransactionTemplate tx;

  StateInternalController(
      StateRevision revision,
      AppRepository apps,
      CurrentRelease current,
      SlugRepository slugs,
      FormationRepository formations,
      BlobSigner signer,
      DynoCommands commands,
      dev.hoist.api.release.ReleaseRepository releases,
      TransactionTemplate tx) {
    this.commands = commands;
    this.releases = releases;
    this.revision = revision;
    this.apps = apps;
    this.current = current;
    this.slugs = slugs;
    this.formations = formations;
    this.signer = signer;
    this.tx = tx;
  }

  @GetMapping("/internal/state")
  DesiredState state(
      @RequestParam(required = false) Long since, @RequestParam(defaultValue = "30") int wait)
      throws InterruptedException {
    if (revision.watch(since, wait) && wait > 0) {
      // A change rarely comes alone (a deploy bumps the revision several times; a script may set
      // config
      // in a loop): a short pause lets a burst become one answer instead of one full snapshot per
      // bump.
      Thread.sleep(COALESCE_MILLIS);
    }
    // The revision is read in the same transaction as the state, so the two always agree.
    return tx.execute(status -> snapshot());
  }

  private DesiredState snapshot() {
    long rev = revision.current();
    List<AppState> all = apps.findAll().stream().map(this::appState).toList();
    return new DesiredState(rev, all);
  }

  private AppState appState(App app) {
    ReleaseState release = current.of(app.id()).map(this::releaseState).orElse(null);
    Map<String, String> types =
        release == null || release.slug() == null ? Map.of() : release.slug().processTypes();
    List<FormationState> formation =
        formations.findByAppIdOrderByType(app.id()).stream()
            .map(f -> FormationState.of(f, types.get(f.type())))
            .toList();
    List<OneOffState> oneOffs =
        commands.oneOffs(app).stream()
            .map(
                d ->
                    OneOffState.of(
                        d,
                        d.releaseVersion() == null
                            ? null
                            : releases
                                .findByAppIdAndVersion(app.id(), d.releaseVersion())
                                .map(this::releaseState)
                                .orElse(null)))
            .toList();
    return new AppState(
        app.id(),
        app.name(),
        app.stackImage(),
        release,
        formation,
        commands.restarts(app),
        oneOffs,
        app.platform(),
        DynoOptionsState.of(app.dynoOptions()));
  }

  private ReleaseState releaseState(Release r) {
    SlugState slug =
        r.slugId() == null ? null : slugs.findById(r.slugId()).map(this::slugState).orElse(null);
    return new ReleaseState(r.id(), r.version(), slug, r.config());
  }

  private SlugState slugState(Slug s) {
    return new SlugState(s.id(), s.processTypes(), s.checksum(), signer.url("GET", s.blobKey()));
  }

  record DesiredState(long revision, List<AppState> apps) {}

  record AppState(
      UUID id,
      String name,
      String stackImage,
      ReleaseState release,
      List<FormationState> formation,
      Map<String, Long> restarts,
      List<OneOffState> oneOffs,
      boolean platform,
      DynoOptionsState dynoOptions) {}

  /** A platform app's dyno options; null for every ordinary app. */
  record DynoOptionsState(boolean hostNetwork, Integer port, List<MountState> mounts) {
    static DynoOptionsState of(DynoOptions o) {
      if (o == null) return null;
      return new DynoOptionsState(
          o.hostNetwork(),
          o.port(),
          o.mounts().stream()
              .map(m -> new MountState(m.source(), m.target(), m.readOnly()))
              .toList());
    }
  }

  record MountState(String source, String target, boolean readOnly) {}

  /**
   * A one-off to run; {@code release} is set for a release phase, which runs that release, not the
   * current.
   */
  record OneOffState(
      String name,
      String command,
      String size,
      int memoryMb,
      int pids,
      Map<String, String> env,
      boolean attach,
      String attachToken,
      int timeToLive,
      java.time.Instant createdAt,
      ReleaseState release) {
    static OneOffState of(OneOffDyno d, ReleaseState release) {
      DynoSize size = DynoSize.parse(d.size());
      return new OneOffState(
          d.name(),
          d.command(),
          size.label(),
          size.memoryMb(),
          size.pids(),
          d.env(),
          d.attach(),
          d.attachToken(),
          d.timeToLive(),
          d.createdAt(),
          release);
    }
  }

  record ReleaseState(UUID id, int version, SlugState slug, Map<String, String> config) {}

  record SlugState(UUID id, Map<String, String> processTypes, String checksum, String blobUrl) {}

  record FormationState(
      String type, int quantity, String size, int memoryMb, int pids, String command) {
    static FormationState of(Formation f, String command) {
      return new FormationState(
          f.type(), f.quantity(), f.size().label(), f.size().memoryMb(), f.size().pids(), command);
    }
  }
}
