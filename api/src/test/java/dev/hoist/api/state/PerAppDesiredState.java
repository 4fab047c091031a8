package dev.hoist.api.state;

import dev.hoist.api.app.App;
import dev.hoist.api.app.AppRepository;
import dev.hoist.api.blob.BlobSigner;
import dev.hoist.api.dyno.DynoCommands;
import dev.hoist.api.dyno.OneOffDyno;
import dev.hoist.api.formation.DynoSize;
import dev.hoist.api.formation.FormationRepository;
import dev.hoist.api.release.CurrentRelease;
import dev.hoist.api.release.Release;
import dev.hoist.api.release.ReleaseRepository;
import dev.hoist.api.slug.Slug;
import dev.hoist.api.slug.SlugRepository;
import dev.hoist.api.state.DesiredState.AppState;
import dev.hoist.api.state.DesiredState.DynoOptionsState;
import dev.hoist.api.state.DesiredState.FormationState;
import dev.hoist.api.state.DesiredState.OneOffState;
import dev.hoist.api.state.DesiredState.ReleaseState;
import dev.hoist.api.state.DesiredState.SlugState;
import java.util.List;
import java.util.Map;

/**
 * The desired state as the api read it before {@link DesiredStateQuery}: through the repositories,
 * a few statements per app. Kept as the oracle that the query's answer is held to; call it in a
 * transaction.
 */
final class PerAppDesiredState {
  private final AppRepository apps;
  private final CurrentRelease current;
  private final SlugRepository slugs;
  private final FormationRepository formations;
  private final BlobSigner signer;
  private final DynoCommands commands;
  private final ReleaseRepository releases;

  PerAppDesiredState(
      AppRepository apps,
      CurrentRelease current,
      SlugRepository slugs,
      FormationRepository formations,
      BlobSigner signer,
      DynoCommands commands,
      ReleaseRepository releases) {
    this.apps = apps;
    this.current = current;
    this.slugs = slugs;
    this.formations = formations;
    this.signer = signer;
    this.commands = commands;
    this.releases = releases;
  }

  List<AppState> apps() {
    return apps.findAll().stream().map(this::appState).toList();
  }

  private AppState appState(App app) {
    ReleaseState release = current.of(app.id()).map(this::releaseState).orElse(null);
    Map<String, String> types =
        release == null || release.slug() == null ? Map.of() : release.slug().processTypes();
    List<FormationState> formation =
        formations.findByAppIdOrderByType(app.id()).stream()
            .map(f -> FormationState.of(f.type(), f.quantity(), f.size(), types.get(f.type())))
            .toList();
    List<OneOffState> oneOffs =
        commands.oneOffs(app).stream()
            .map(
                d ->
                    oneOff(
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

  private static OneOffState oneOff(OneOffDyno d, ReleaseState release) {
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

  private ReleaseState releaseState(Release r) {
    SlugState slug =
        r.slugId() == null ? null : slugs.findById(r.slugId()).map(this::slugState).orElse(null);
    return new ReleaseState(r.id(), r.version(), slug, r.config());
  }

  private SlugState slugState(Slug s) {
    return new SlugState(s.id(), s.processTypes(), s.checksum(), signer.url("GET", s.blobKey()));
  }
}
