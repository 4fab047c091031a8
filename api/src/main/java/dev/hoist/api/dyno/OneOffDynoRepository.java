package dev.hoist.api.dyno;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OneOffDynoRepository extends JpaRepository<OneOffDyno, UUID> {
  List<OneOffDyno> findByAppIdOrderByCreatedAt(UUID appId);

  Optional<OneOffDyno> findByAppIdAndName(UUID appId, String name);

  boolean existsByAppIdAndName(UUID appId, String name);
}
