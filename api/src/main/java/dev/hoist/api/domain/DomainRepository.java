package dev.hoist.api.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DomainRepository extends JpaRepository<Domain, UUID> {
  List<Domain> findByAppIdOrderByCreatedAtAscHostnameAsc(UUID appId);

  Optional<Domain> findByHostname(String hostname);

  long countByAppId(UUID appId);
}
