package dev.hoist.api.app;

import dev.hoist.api.auth.Caller;
import dev.hoist.api.dyno.Dyno;
import dev.hoist.api.dyno.DynoRepository;
import dev.hoist.api.formation.FormationRepository;
import dev.hoist.api.release.CurrentRelease;
import dev.hoist.api.release.Release;
import dev.hoist.api.slug.Slug;
import dev.hoist.api.slug.SlugRepository;
import dev.hoist.api.web.ApiException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /platform} (admin): the platform's own apps in one answer, for {@code hoist platform}.
 * Each part with its current release, its formation, its dynos as the dyno manager last reported
 * them, and whether it is healthy: it has a deployed slug, and every process type has at least its
 * quantity of dynos {@code up} on the current release (a deploy's old dynos do not count).
 */
@RestController
class PlatformController {
  private static final Comparator<Dyno> BY_NAME =
      Comparator.comparing(Dyno::type)
          .thenComparingLong(PlatformController::number)
          .thenComparing(Dyno::name)
          .thenComparing(d -> d.releaseVersion() == null ? 0 : d.releaseVersion());

  private final AppRepository apps;
  private final CurrentRelease current;
  private final SlugRepository slugs;
  private final FormationRepository formations;
  private final DynoRepository dynos;

  PlatformController(
      AppRepository apps,
      CurrentRelease current,
      SlugRepository slugs,
      FormationRepository formations,
      DynoRepository dynos) {
    this.apps = apps;
    this.current = current;
    this.slugs = slugs;
    this.formations = formations;
    this.dynos = dynos;
  }

  @GetMapping("/platform")
  @Transactional(readOnly = true)
  List<Part> platform(Caller caller) {
    if (!caller.admin()) throw ApiException.forbidden("only the admin may see the platform");
    return apps.findByPlatformTrueOrderByName().stream().map(this::part).toList();
  }

  private Part part(App app) {
    Release release = current.of(app.id()).orElse(null);
    Slug slug =
        release == null || release.slugId() == null
            ? null
            : slugs.findById(release.slugId()).orElse(null);
    Integer version = release == null ? null : release.version();
    List<Dyno> reported = dynos.findByAppIdOrderByName(app.id()).stream().sorted(BY_NAME).toList();
    List<Process> formation =
        formations.findByAppIdOrderByType(app.id()).stream()
            .map(
                f ->
                    new Process(
                        f.type(),
                        f.quantity(),
                        f.size().label(),
                        (int)
                            reported.stream()
                                .filter(d -> d.type().equals(f.type()))
                                .filter(d -> "up".equals(d.state()))
                                .filter(d -> Objects.equals(d.releaseVersion(), version))
                                .count()))
            .toList();
    boolean healthy = slug != null && formation.stream().allMatch(p -> p.up() >= p.quantity());
    return new Part(
        app.id(),
        app.name(),
        release == null ? null : PartRelease.of(release, slug),
        formation,
        reported.stream().map(PartDyno::of).toList(),
        healthy);
  }

  private static long number(Dyno d) {
    String n = d.name().substring(d.name().lastIndexOf('.') + 1);
    try {
      return Long.parseLong(n);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  record Part(
      UUID id,
      String name,
      PartRelease release,
      List<Process> formation,
      List<PartDyno> dynos,
      boolean healthy) {}

  record PartRelease(UUID id, int version, String description, Instant createdAt, PartSlug slug) {
    static PartRelease of(Release r, Slug s) {
      return new PartRelease(
          r.id(),
          r.version(),
          r.description(),
          r.createdAt(),
          s == null ? null : new PartSlug(s.id(), s.commit(), s.checksum()));
    }
  }

  record PartSlug(UUID id, String commit, String checksum) {}

  /** A process type: its wanted {@code quantity}, and how many dynos of the release are up. */
  record Process(String type, int quantity, String size, int up) {}

  record PartDyno(String name, String type, String state, ReleaseRef release, Instant updatedAt) {
    static PartDyno of(Dyno d) {
      return new PartDyno(
          d.name(), d.type(), d.state(), new ReleaseRef(d.releaseVersion()), d.updatedAt());
    }
  }

  record ReleaseRef(Integer version) {}
}
