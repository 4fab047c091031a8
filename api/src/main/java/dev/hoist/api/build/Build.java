package dev.hoist.api.build;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One build of an app's source into a slug: pending → building → succeeded or failed.
 *
 * <p>Only changed columns are written ({@code @DynamicUpdate}): the builder's output calls, which
 * record when it was last heard from, run in transactions beside the one that records the build's
 * slug, and a whole-row update from an output call that had loaded the build before the slug was
 * recorded wrote the slug back to null (seen as a fast static build's finish refused: "not this
 * build's slug null").
 */
@DynamicUpdate
@Entity
@Table(name = "builds")
public class Build {
  public static final String PENDING = "pending";
  public static final String BUILDING = "building";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  @Id private UUID id;
  private UUID appId;
  private String status;
  private String sourceUrl;
  private String sourceVersion;
  private String sourceDescription;

  @JdbcTypeCode(SqlTypes.JSON)
  private List<String> buildpacks;

  private UUID userId;
  private UUID slugId;
  private UUID releaseId;
  private String message;
  private Instant claimedAt;
  private Instant lastSeenAt;
  private Instant createdAt;
  private Instant updatedAt;

  protected Build() {}

  Build(
      UUID appId,
      String sourceUrl,
      String version,
      String description,
      List<String> buildpacks,
      UUID userId) {
    this.id = UUID.randomUUID();
    this.appId = appId;
    this.status = PENDING;
    this.sourceUrl = sourceUrl;
    this.sourceVersion = version;
    this.sourceDescription = description;
    this.buildpacks = new ArrayList<>(buildpacks);
    this.userId = userId;
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
  }

  /**
   * Back in the queue: its claimer never said a word (a lost claim answer, a builder that died at
   * once).
   */
  void requeue() {
    this.status = PENDING;
    this.claimedAt = null;
    this.lastSeenAt = null;
    this.updatedAt = Instant.now();
  }

  void seen() {
    this.lastSeenAt = Instant.now();
  }

  void slug(UUID slugId) {
    this.slugId = slugId;
    seen();
  }

  void awaitReleasePhase(UUID releaseId) {
    this.releaseId = releaseId;
    seen();
  }

  void finish(String status, UUID releaseId, String message) {
    this.status = status;
    this.releaseId = releaseId;
    this.message = message;
    this.updatedAt = Instant.now();
  }

  public boolean finished() {
    return SUCCEEDED.equals(status) || FAILED.equals(status);
  }

  public UUID id() {
    return id;
  }

  public UUID appId() {
    return appId;
  }

  public String status() {
    return status;
  }

  public String sourceUrl() {
    return sourceUrl;
  }

  public String sourceVersion() {
    return sourceVersion;
  }

  public String sourceDescription() {
    return sourceDescription;
  }

  public List<String> buildpacks() {
    return List.copyOf(buildpacks);
  }

  public UUID userId() {
    return userId;
  }

  public UUID slugId() {
    return slugId;
  }

  public UUID releaseId() {
    return releaseId;
  }

  public String message() {
    return message;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
