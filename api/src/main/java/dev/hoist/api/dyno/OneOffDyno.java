package dev.hoist.api.dyno;

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
 * A one-off dyno asked for ({@code hoist run}) and not finished yet: desired state for the dyno
 * manager.
 */
@Entity
@Table(name = "one_off_dynos")
public class OneOffDyno {
  public static final int MAX_TIME_TO_LIVE = 86_400;

  @Id private UUID id;
  private UUID appId;
  private String name;
  private String command;
  private String size;

  @JdbcTypeCode(SqlTypes.JSON)
  private Map<String, String> env;

  private boolean attach;
  private String attachToken;
  private int timeToLive;
  private Integer releaseVersion;
  private Instant createdAt;

  protected OneOffDyno() {}

  OneOffDyno(
      UUID appId,
      String name,
      String command,
      String size,
      Map<String, String> env,
      boolean attach,
      String attachToken,
      int timeToLive) {
    this.id = UUID.randomUUID();
    this.appId = appId;
    this.name = name;
    this.command = command;
    this.size = size;
    this.env = new TreeMap<>(env);
    this.attach = attach;
    this.attachToken = attachToken;
    this.timeToLive = timeToLive;
    this.createdAt = Instant.now();
  }

  /**
   * The release phase of {@code version}: runs that release's slug and config, not the current
   * one's.
   */
  public static OneOffDyno releasePhase(
      UUID appId, int version, String command, Map<String, String> env) {
    OneOffDyno d =
        new OneOffDyno(appId, "release." + version, command, "standard-1X", env, false, null, 3600);
    d.releaseVersion = version;
    return d;
  }

  public UUID id() {
    return id;
  }

  public UUID appId() {
    return appId;
  }

  public String name() {
    return name;
  }

  public String command() {
    return command;
  }

  public String size() {
    return size;
  }

  public Map<String, String> env() {
    return new TreeMap<>(env);
  }

  public boolean attach() {
    return attach;
  }

  public String attachToken() {
    return attachToken;
  }

  public int timeToLive() {
    return timeToLive;
  }

  public Integer releaseVersion() {
    return releaseVersion;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
