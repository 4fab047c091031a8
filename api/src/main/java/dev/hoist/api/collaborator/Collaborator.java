package dev.hoist.api.collaborator;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An account, other than the owner, that may work on an app. */
@Entity
@Table(name = "collaborators")
public class Collaborator {
  @Id private UUID id;
  private UUID appId;
  private UUID accountId;
  private Instant createdAt;

  protected Collaborator() {}

  Collaborator(UUID appId, UUID accountId) {
    this.id = UUID.randomUUID();
    this.appId = appId;
    this.accountId = accountId;
    this.createdAt = Instant.now();
  }

  public UUID id() {
    return id;
  }

  public UUID appId() {
    return appId;
  }

  public UUID accountId() {
    return accountId;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
