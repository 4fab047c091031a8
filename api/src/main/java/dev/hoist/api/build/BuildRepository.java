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

  @Query("select b from Build b where b.status = 'building' and b.lastSeenAt < :cutoff")
  List<Build> silentSince(Instant cutoff);
}
