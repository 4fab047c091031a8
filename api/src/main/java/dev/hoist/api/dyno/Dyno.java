package dev.hoist.api.dyno;

import dev.hoist.internal.dynos.DynoReport;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A dyno as the dyno manager last saw it. Observed state: the api never acts on it, only shows it.
 */
@Entity
@Table(name = "dynos")
public class Dyno {
  @Id private UUID id;
  private UUID appId;
  private String name;
  private String type;
  private String state;
  private String command;
  private String size;
  private Integer releaseVersion;
  private String containerId;
  private String address;
  private boolean routable;
  private Integer exitCode;
  private Instant createdAt;
  private Instant updatedAt;

  protected Dyno() {}

  Dyno(UUID appId, DynoReport r) {
    this.id = UUID.randomUUID();
    this.appId = appId;
    this.name = r.name();
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
    this.state = r.state();
    update(r);
  }

  /**
   * Takes the newest report; {@code updated_at} moves only when the state changes, as on Heroku.
   */
  void update(DynoReport r) {
    if (!r.state().equals(state)) this.updatedAt = Instant.now();
    this.type = r.type();
    this.state = r.state();
    this.command = r.command();
    this.size = r.size();
    this.releaseVersion = r.releaseVersion();
    this.containerId = r.containerId();
    this.address = r.address();
    this.routable = r.routable();
    this.exitCode = r.exitCode();
  }

  /** What the router cares about: a change here moves the routes revision. */
  String routing() {
    return name + "|" + releaseVersion + "|" + state + "|" + address + "|" + routable;
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String type() {
    return type;
  }

  public String state() {
    return state;
  }

  public String command() {
    return command;
  }

  public String size() {
    return size;
  }

  public Integer releaseVersion() {
    return releaseVersion;
  }

  public String address() {
    return address;
  }

  public boolean routable() {
    return routable;
  }

  public Integer exitCode() {
    return exitCode;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
