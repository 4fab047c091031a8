package dev.hoist.api.auth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's API keys, as Heroku's {@code /oauth/authorizations}: list, create (shown once),
 * revoke.
 */
@RestController
class AuthorizationController {
  private final AccountService accounts;

  AuthorizationController(AccountService accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/oauth/authorizations")
  List<AuthorizationView> list(Caller caller) {
    return accounts.tokensOf(caller.id()).stream().map(t -> AuthorizationView.of(t, null)).toList();
  }

  @PostMapping("/oauth/authorizations")
  @ResponseStatus(HttpStatus.CREATED)
  AuthorizationView create(Caller caller, @RequestBody(required = false) CreateAuthorization body) {
    String description = body == null || body.description() == null ? "" : body.description();
    if (description.length() > 200) {
      throw dev.hoist.api.web.ApiException.invalid("description is longer than 200 characters");
    }
    AccountService.IssuedToken issued = accounts.issue(caller.id(), description);
    return AuthorizationView.of(issued.token(), issued.key());
  }

  @DeleteMapping("/oauth/authorizations/{id}")
  AuthorizationView revoke(Caller caller, @PathVariable String id) {
    return AuthorizationView.of(accounts.revoke(caller.id(), id), null);
  }

  record CreateAuthorization(String description) {}

  record AccessToken(String token) {}

  record AuthorizationView(
      UUID id, String description, Instant createdAt, AccessToken accessToken) {
    static AuthorizationView of(ApiToken t, String key) {
      return new AuthorizationView(
          t.id(), t.description(), t.createdAt(), key == null ? null : new AccessToken(key));
    }
  }
}
