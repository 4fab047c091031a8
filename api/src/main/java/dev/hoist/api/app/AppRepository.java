package dev.hoist.api.app;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface AppRepository extends JpaRepository<App, UUID> {
  Optional<App> findByName(String name);

  boolean existsByName(String name);

  /** The platform's own apps, by name. */
  List<App> findByPlatformTrueOrderByName();

  /** Apps the account owns or collaborates on, by name. */
  @Query(
      "select a from App a where a.ownerId = :account or exists "
          + "(select c from Collaborator c where c.appId = a.id and c.accountId = :account) order by a.name")
  List<App> visibleTo(UUID account);

  /**
   * Locks the app row: release versions are numbered under this lock, so two releases never share
   * one.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from App a where a.id = :id")
  Optional<App> lock(UUID id);
}
