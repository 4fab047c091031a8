package dev.hoist.api.formation;

import dev.hoist.api.slug.Slug;
import dev.hoist.api.web.ApiException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * How many dynos of one process type an app wants, and of what size: desired state, nothing more.
 */
@Entity
@Table(name = "formations")
public class Formation {
  public static final int MAX_QUANTITY = 100;

  @Id private UUID id;
  private UUID appId;
  private String type;
  private int quantity;
  private String size;
  private Instant createdAt;
  private Instant updatedAt;

  protected Formation() {}

  Formation(UUID appId, String type, int quantity, DynoSize size) {
    if (!Slug.PROCESS_TYPE.matcher(type).matches()) {
      throw ApiException.invalid(
          "process type '" + type + "' is not allowed: use letters, digits, _ and -");
    }
    this.id = UUID.randomUUID();
    this.appId = appId;
    this.type = type;
    this.size = size.label();
    this.createdAt = Instant.now();
    scale(quantity, size);
  }

  void scale(int quantity, DynoSize size) {
    if (quantity < 0 || quantity > MAX_QUANTITY) {
      throw ApiException.invalid(
          "quantity of " + type + " must be from 0 to " + MAX_QUANTITY + ", not " + quantity);
    }
    this.quantity = quantity;
    this.size = size.label();
    this.updatedAt = Instant.now();
  }

  public UUID id() {
    return id;
  }

  public UUID appId() {
    return appId;
  }

  public String type() {
    return type;
  }

  public int quantity() {
    return quantity;
  }

  public DynoSize size() {
    return DynoSize.parse(size);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
