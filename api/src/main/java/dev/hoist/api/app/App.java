package dev.hoist.api.app;

import dev.hoist.api.web.ApiException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An app: a name, an owner and its current config vars. Releases snapshot the config; the app keeps
 * the live copy that the next release will take. A platform app ({@link #platform()}) is a part of
 * Hoist itself: {@link PlatformApps} says what it is spared, and only it may carry {@link
 * DynoOptions}.
 */
@Entity
@Table(name = "apps")
public class App {
  /** Heroku's rule: lower case, starts with a letter, 3 to 30 characters, no trailing dash. */
  public static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{1,28}[a-z0-9]$");

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String name;

  private UUID ownerId;

  @JdbcTypeCode(SqlTypes.JSON)
  private Map<String, String> config = new TreeMap<>();

  private Instant createdAt;
  private Instant updatedAt;
  private Instant releasedAt;
  private String stackImage;
  private boolean maintenance;
  private boolean platform;

  @JdbcTypeCode(SqlTypes.JSON)
  private Map<String, Object> dynoOptions;

  protected App() {}

  public App(String name, UUID ownerId) {
    this.id = UUID.randomUUID();
    this.name = checkName(name);
    this.ownerId = ownerId;
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
  }

  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw ApiException.invalid(
          "name '"
              + name
              + "' is not allowed: use 3 to 30 lower-case letters, digits "
              + "and dashes, starting with a letter and not ending with a dash");
    }
    return name;
  }

  void rename(String newName) {
    this.name = checkName(newName);
    this.updatedAt = Instant.now();
  }

  public void replaceConfig(Map<String, String> next) {
    this.config = new TreeMap<>(next);
    this.updatedAt = Instant.now();
  }

  /** Sets maintenance mode; true when that changed it. */
  boolean maintenance(boolean on) {
    if (maintenance == on) return false;
    this.maintenance = on;
    this.updatedAt = Instant.now();
    return true;
  }

  public void released() {
    this.releasedAt = Instant.now();
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public UUID ownerId() {
    return ownerId;
  }

  public Map<String, String> config() {
    return new TreeMap<>(config);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant releasedAt() {
    return releasedAt;
  }

  public boolean maintenance() {
    return maintenance;
  }

  /**
   * The image its dynos run on, when not the default run image (platform apps such as
   * hoist-builder).
   */
  public String stackImage() {
    return stackImage;
  }

  public void runOn(String image) {
    this.stackImage = image;
    this.updatedAt = Instant.now();
  }

  /** A part of the platform itself ({@code hoist-api}, {@code hoist-router}...). */
  public boolean platform() {
    return platform;
  }

  /** Platform-only ways to run its dynos; null for every ordinary app. */
  public DynoOptions dynoOptions() {
    return DynoOptions.fromStored(dynoOptions);
  }

  /**
   * Makes this app a platform app running its dynos with {@code options} (null: none); true when
   * that changed what the dyno manager must do.
   */
  boolean becomePlatform(DynoOptions options) {
    boolean changed = !platform || !Objects.equals(dynoOptions(), options);
    if (changed) {
      this.platform = true;
      this.dynoOptions = DynoOptions.stored(options);
      this.updatedAt = Instant.now();
    }
    return changed;
  }
}
