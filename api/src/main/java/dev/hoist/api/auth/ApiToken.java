package dev.hoist.api.auth;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An API key of an account, kept only as its hash ({@link Tokens#hash}). */
@Entity
@Table(name = "api_tokens")
public class ApiToken {
  @Id private UUID id;
  private UUID accountId;
  private String tokenHash;
  private String description;
  private Instant createdAt;

  protected ApiToken() {}

  ApiToken(UUID accountId, String tokenHash, String description) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.tokenHash = tokenHash;
    this.description = description;
    this.createdAt = Instant.now();
  }

  public UUID id() {
    return id;
  }

  public UUID accountId() {
    return accountId;
  }

  public String description() {
    return description;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
