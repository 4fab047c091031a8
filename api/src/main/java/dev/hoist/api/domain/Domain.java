package dev.hoist.api.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A custom domain: a hostname, in its stored form ({@link Hostnames#normalize}), that routes to one
 * app. No two domains share a hostname, whatever their apps.
 */
@Entity
@Table(name = "domains")
public class Domain {
  @Id private UUID id;
  private UUID appId;
  private String hostname;
  private Instant createdAt;
  private Instant updatedAt;

  protected Domain() {}

  Domain(UUID appId, String hostname) {
    this.id = UUID.randomUUID();
    this.appId = appId;
    this.hostname = hostname;
    this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
    this.updatedAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public UUID appId() {
    return appId;
  }

  public String hostname() {
    return hostname;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
