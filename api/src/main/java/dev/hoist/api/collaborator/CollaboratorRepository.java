package dev.hoist.api.collaborator;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CollaboratorRepository extends JpaRepository<Collaborator, UUID> {
  boolean existsByAppIdAndAccountId(UUID appId, UUID accountId);

  Optional<Collaborator> findByAppIdAndAccountId(UUID appId, UUID accountId);

  List<Collaborator> findByAppIdOrderByCreatedAt(UUID appId);
}
