package dev.hoist.api.release;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of an app: a slug (none before the first deploy), a snapshot of the config vars and a
 * version number. Immutable once made, but for its status; config changes and rollbacks make new
 * ones.
 */
@Entity
@Table(name = "releases")
public class Release {
  public static final String SUCCEEDED = "succeeded";
  public static final String PENDING = "pending";
  public static final String FAILED = "failed";

  @Id private UUID id;
  private UUID appId;
  private int version;
  private String description;
  private String status;
  private UUID slugId;

  @JdbcTypeCode(SqlTypes.JSON)
  private Map<String, String> config;

  private UUID userId;
  private Instant createdAt;
  private Instant updatedAt;

  protected Release() {}

  Release(
      UUID appId,
      int version,
      String description,
      UUID slugId,
      Map<String, String> config,
      UUID userId,
      String status) {
    this.id = UUID.randomUUID();
    this.appId = appId;
    this.version = version;
    this.description = description;
    this.status = status;
    this.slugId = slugId;
    this.config = new TreeMap<>(config);
    this.userId = userId;
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
  }

  /** The release phase ended: the release goes live, or never does. */
  void phaseEnded(boolean succeeded) {
    this.status = succeeded ? SUCCEEDED : FAILED;
    this.updatedAt = Instant.now();
  }

  public UUID id() {
    return id;
  }

  public UUID appId() {
    return appId;
  }

  public int version() {
    return version;
  }

  public String description() {
    return description;
  }

  public String status() {
    return status;
  }

  public UUID slugId() {
    return slugId;
  }

  public Map<String, String> config() {
    return new TreeMap<>(config);
  }

  public UUID userId() {
    return userId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
