package dev.hoist.api.release;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReleaseRepository extends JpaRepository<Release, UUID> {
  List<Release> findByAppIdOrderByVersion(UUID appId);

  Optional<Release> findByAppIdAndVersion(UUID appId, int version);

  Optional<Release> findFirstByAppIdAndStatusOrderByVersionDesc(UUID appId, String status);

  @Query("select coalesce(max(r.version), 0) from Release r where r.appId = :appId")
  int maxVersion(UUID appId);
}
