package dev.hoist.api.auth;

import java.util.UUID;

/**
 * Who is calling: resolved from the bearer token by {@link AuthFilter} and handed to controllers as
 * a method parameter. Components calling {@code /internal/**} have no Caller.
 */
public record Caller(UUID id, String email, boolean admin) {
  static final String ATTRIBUTE = "hoist.caller";

  public static Caller of(Account account) {
    return new Caller(account.id(), account.email(), account.admin());
  }

  public void requireAdmin() {
    if (!admin) throw dev.hoist.api.web.ApiException.forbidden("only the admin may do that");
  }
}
