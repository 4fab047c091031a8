package dev.hoist.api.key;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A registered SSH public key; the git gateway lets its holder push to the account's apps. */
@Entity
@Table(name = "ssh_keys")
public class SshKey {
  @Id private UUID id;
  private UUID accountId;
  private String publicKey;
  private String fingerprint;
  private String comment;
  private Instant createdAt;
  private Instant updatedAt;

  protected SshKey() {}

  SshKey(UUID accountId, PublicKey key) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.publicKey = key.line();
    this.fingerprint = key.fingerprint();
    this.comment = key.comment();
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public UUID accountId() {
    return accountId;
  }

  public String publicKey() {
    return publicKey;
  }

  public String fingerprint() {
    return fingerprint;
  }

  public String comment() {
    return comment;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
