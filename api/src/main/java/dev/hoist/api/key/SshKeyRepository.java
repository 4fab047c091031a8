package dev.hoist.api.key;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SshKeyRepository extends JpaRepository<SshKey, UUID> {
  List<SshKey> findByAccountIdOrderByCreatedAt(UUID accountId);

  Optional<SshKey> findByFingerprint(String fingerprint);
}
