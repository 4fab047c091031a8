package dev.hoist.api.build;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface BuildRepository extends JpaRepository<Build, UUID> {
  List<Build> findByAppIdOrderByCreatedAt(UUID appId);

  Optional<Build> findByIdAndAppId(UUID id, UUID appId);

  Optional<Build> findByReleaseIdAndStatus(UUID releaseId, String status);

  /** The build waiting on the release phase of {@code version}. */
  @Query(
      "select b from Build b, Release r where b.releaseId = r.id and b.appId = :appId and r.version = :version "
          + "and b.status = 'building'")
  Optional<Build> findPhaseBuild(UUID appId, int version);

  /** Claimed builds whose claimer has not reported anything since the claim. */
  @Query(
      "select b from Build b where b.status = 'building' and b.releaseId is null and b.lastSeenAt = b.claimedAt "
          + "and b.claimedAt < :cutoff")
  List<Build> unstartedSince(Instant cutoff);

  @Query(
      "select b from Build b where b.status = 'building' and b.releaseId is null and b.lastSeenAt < :cutoff")
  List<Build> silentSince(Instant cutoff);
}
