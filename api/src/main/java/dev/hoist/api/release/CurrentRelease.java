package dev.hoist.api.release;

import dev.hoist.api.slug.Slug;
import dev.hoist.api.slug.SlugRepository;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Reads an app's current release (the newest that succeeded) and its slug. */
@Component
public class CurrentRelease {
  private final ReleaseRepository releases;
  private final SlugRepository slugs;

  CurrentRelease(ReleaseRepository releases, SlugRepository slugs) {
    this.releases = releases;
    this.slugs = slugs;
  }

  public Optional<Release> of(UUID appId) {
    return releases.findFirstByAppIdAndStatusOrderByVersionDesc(appId, Release.SUCCEEDED);
  }

  /** The current release's slug, if the app has been deployed at all. */
  public Optional<Slug> slugOf(UUID appId) {
    return of(appId).map(Release::slugId).flatMap(slugs::findById);
  }
}
