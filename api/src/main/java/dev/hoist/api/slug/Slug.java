package dev.hoist.api.slug;

import dev.hoist.api.web.ApiException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A compiled app: its process types and, once uploaded, an archive of {@code ./app} in the blob
 * store. Only an uploaded slug can be released.
 */
@Entity
@Table(name = "slugs")
public class Slug {
  public static final Pattern PROCESS_TYPE = Pattern.compile("^[A-Za-z0-9_-]{1,128}$");
  public static final Pattern CHECKSUM = Pattern.compile("^SHA256:[0-9a-f]{64}$");

  @Id private UUID id;
  private UUID appId;

  @JdbcTypeCode(SqlTypes.JSON)
  private Map<String, String> processTypes;

  private String checksum;
  private String commitSha;
  private String commitDescription;
  private String stack;
  private Long size;
  private boolean uploaded;
  private Instant createdAt;
  private Instant updatedAt;

  protected Slug() {}

  Slug(
      UUID appId,
      Map<String, String> processTypes,
      String checksum,
      String commit,
      String commitDescription,
      String stack) {
    this.id = UUID.randomUUID();
    this.appId = appId;
    this.processTypes = checkProcessTypes(processTypes);
    if (checksum != null && !CHECKSUM.matcher(checksum).matches()) {
      throw ApiException.invalid("checksum must be SHA256: followed by 64 lower-case hex digits");
    }
    this.checksum = checksum;
    this.commitSha = limit("commit", commit, 200);
    this.commitDescription = limit("commit_description", commitDescription, 2000);
    this.stack = stack;
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
  }

  static Map<String, String> checkProcessTypes(Map<String, String> types) {
    if (types == null)
      throw ApiException.invalid("process_types is required, e.g. {\"web\": \"node server.js\"}");
    if (types.size() > 50)
      throw ApiException.invalid("a slug may declare at most 50 process types");
    types.forEach(
        (type, command) -> {
          if (!PROCESS_TYPE.matcher(type).matches()) {
            throw ApiException.invalid(
                "process type '" + type + "' is not allowed: use letters, digits, _ and -");
          }
          if (command == null || command.isBlank())
            throw ApiException.invalid("process type '" + type + "' has no command");
          if (command.length() > 4096)
            throw ApiException.invalid("the command of '" + type + "' is too long");
        });
    return new TreeMap<>(types);
  }

  private static String limit(String field, String value, int max) {
    if (value != null && value.length() > max)
      throw ApiException.invalid(field + " is longer than " + max);
    return value;
  }

  void uploaded(long size, String checksum) {
    this.size = size;
    this.checksum = checksum;
    this.uploaded = true;
    this.updatedAt = Instant.now();
  }

  public String blobKey() {
    return blobKey(id);
  }

  /** Where the archive of slug {@code id} is kept in the blob store. */
  public static String blobKey(UUID id) {
    return "slugs/" + id + ".tgz";
  }

  public UUID id() {
    return id;
  }

  public UUID appId() {
    return appId;
  }

  public Map<String, String> processTypes() {
    return new TreeMap<>(processTypes);
  }

  public String checksum() {
    return checksum;
  }

  public String commit() {
    return commitSha;
  }

  public String commitDescription() {
    return commitDescription;
  }

  public String stack() {
    return stack;
  }

  public Long size() {
    return size;
  }

  public boolean isUploaded() {
    return uploaded;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
