package dev.hoist.api.auth;

import dev.hoist.api.web.ApiException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A person (or robot) who uses Hoist. Accounts are made by the admin; the first one is the admin.
 */
@Entity
@Table(name = "accounts")
public class Account {
  // Deliberately loose: one @, something on each side, no spaces. Mail delivery is not our
  // business.
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,190}$");

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String email;

  private boolean admin;
  private Instant createdAt;
  private Instant updatedAt;

  protected Account() {}

  public Account(String email, boolean admin) {
    if (email == null || !EMAIL.matcher(email).matches()) {
      throw ApiException.invalid("'" + email + "' is not an email address");
    }
    this.id = UUID.randomUUID();
    this.email = email.toLowerCase(Locale.ROOT);
    this.admin = admin;
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public String email() {
    return email;
  }

  public boolean admin() {
    return admin;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
