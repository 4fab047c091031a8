package dev.hoist.api.formation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FormationRepository extends JpaRepository<Formation, UUID> {
  List<Formation> findByAppIdOrderByType(UUID appId);

  Optional<Formation> findByAppIdAndType(UUID appId, String type);
}
