package dev.hoist.api.auth;

import dev.hoist.api.web.ApiException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and their API keys. Keys leave this class in clear text exactly once: when created. */
@Service
public class AccountService {
  private final AccountRepository accounts;
  private final ApiTokenRepository tokens;

  AccountService(AccountRepository accounts, ApiTokenRepository tokens) {
    this.accounts = accounts;
    this.tokens = tokens;
  }

  @Transactional(readOnly = true)
  public Optional<Caller> authenticate(String key) {
    return tokens
        .findByTokenHash(Tokens.hash(key))
        .flatMap(t -> accounts.findById(t.accountId()))
        .map(Caller::of);
  }

  /** A new account with its first key. The first account ever made is the admin. */
  @Transactional
  public NewAccount create(String email) {
    boolean first = !accounts.existsByAdminTrue();
    Account account = new Account(email, first);
    if (accounts.findByEmail(account.email()).isPresent()) {
      throw ApiException.conflict("an account with email " + account.email() + " already exists");
    }
    accounts.save(account);
    String key = issue(account.id(), "first key").key();
    return new NewAccount(account, key);
  }

  @Transactional
  public IssuedToken issue(UUID accountId, String description) {
    String key = Tokens.newKey();
    ApiToken token = tokens.save(new ApiToken(accountId, Tokens.hash(key), description));
    return new IssuedToken(token, key);
  }

  @Transactional(readOnly = true)
  public Account get(UUID id) {
    return accounts.findById(id).orElseThrow(() -> ApiException.notFound("no such account"));
  }

  /** Finds an account by email or id, for collaborator changes. */
  @Transactional(readOnly = true)
  public Account find(String emailOrId) {
    Optional<Account> found = asUuid(emailOrId).flatMap(accounts::findById);
    return found
        .or(() -> accounts.findByEmail(emailOrId.toLowerCase(java.util.Locale.ROOT)))
        .orElseThrow(() -> ApiException.notFound("no account " + emailOrId));
  }

  @Transactional(readOnly = true)
  public List<Account> all() {
    return accounts.findAll(org.springframework.data.domain.Sort.by("createdAt"));
  }

  @Transactional(readOnly = true)
  public List<ApiToken> tokensOf(UUID accountId) {
    return tokens.findByAccountIdOrderByCreatedAt(accountId);
  }

  @Transactional
  public ApiToken revoke(UUID accountId, String tokenId) {
    ApiToken token =
        asUuid(tokenId)
            .flatMap(tokens::findById)
            .filter(t -> t.accountId().equals(accountId))
            .orElseThrow(() -> ApiException.notFound("no authorization " + tokenId));
    tokens.delete(token);
    return token;
  }

  public static Optional<UUID> asUuid(String s) {
    try {
      return Optional.of(UUID.fromString(s));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public record NewAccount(Account account, String key) {}

  public record IssuedToken(ApiToken token, String key) {}
}
