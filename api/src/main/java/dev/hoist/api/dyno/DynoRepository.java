package dev.hoist.api.dyno;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DynoRepository extends JpaRepository<Dyno, UUID> {
  List<Dyno> findByAppIdOrderByName(UUID appId);
}
