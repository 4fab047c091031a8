package dev.hoist.api.build;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface BuildRepository extends JpaRepository<Build, UUID> {
  /** The lock timeout hint; -2 is Hibernate's SKIP LOCKED. */
  String SKIP_LOCKED = "jakarta.persistence.lock.timeout";

  List<Build> findByAppIdOrderByCreatedAt(UUID appId);

  Optional<Build> findByIdAndAppId(UUID id, UUID appId);

  Optional<Build> findByReleaseIdAndStatus(UUID releaseId, String status);

  /** The build waiting on the release phase of {@code version}. */
  @Query(
      "select b from Build b, Release r where b.releaseId = r.id and b.appId = :appId and r.version = :version "
          + "and b.status = 'building'")
  Optional<Build> findPhaseBuild(UUID appId, int version);

  /**
   * Claimed builds whose claimer has not reported anything since the claim. Locked, skipping those
   * another api process is handling already: the sweeps run in every api process.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @QueryHints(@QueryHint(name = SKIP_LOCKED, value = "-2"))
  @Query(
      "select b from Build b where b.status = 'building' and b.releaseId is null and b.lastSeenAt = b.claimedAt "
          + "and b.claimedAt < :cutoff")
  List<Build> unstartedSince(Instant cutoff);

  /** Building builds not heard from since {@code cutoff}; locked as {@link #unstartedSince}. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @QueryHints(@QueryHint(name = SKIP_LOCKED, value = "-2"))
  @Query(
      "select b from Build b where b.status = 'building' and b.releaseId is null and b.lastSeenAt < :cutoff")
  List<Build> silentSince(Instant cutoff);
}
